/**
 * `git milestone branch start <task|milestone>`: creates (or, when it exists, checks out) the branch
 * of a task or milestone and moves the work to in_progress. The name comes from branch_prefix or
 * git_integration.branch_naming (domain/branchName.ts). With git_integration.single_branch_mode a
 * task's work goes on its milestone's branch, and the task becomes that branch's current task.
 * The link file is written before the checkout, so the post-checkout hook finds the branch known;
 * a failed checkout removes a link it just made and changes no status.
 */
import { branchName } from '../../domain/branchName';
import { milestoneSetOp, taskStatusOp, type MilestoneOpDraft } from '../../domain/ops/constructors';
import { MilestoneError } from '../../errors/MilestoneError';
import { loadSettings } from '../config/loadSettings';
import type { Context } from '../context';
import { readLink, removeLink, writeLink } from '../git/branchLinks';
import { gitSettingsFromTree, type GitSettings } from '../git/gitSettings';
import { readMilestone, writeMilestone } from '../milestoneAccess';
import { commitType, newLink } from './linkBranch';
import { resolveTarget } from './resolveTarget';

export interface StartBranchResult {
  branch: string;
  created: boolean;
  milestone: string;
  task: string | null;
  taskStatus: string | null;
  milestoneStatus: string;
  singleBranch: boolean;
}

export async function startBranch(ctx: Context, o: { target: string; settings?: GitSettings }): Promise<StartBranchResult> {
  const settings = o.settings ?? gitSettingsFromTree((await loadSettings(ctx)).values);
  const target = await resolveTarget(ctx, o.target);
  const state = await readMilestone(ctx, target.milestoneId);
  const task = target.kind === 'task' ? state.tasks.find((t) => t.id === target.taskId && !t.deleted) ?? null : null;
  if (target.kind === 'task' && !task) throw new MilestoneError('NOT_FOUND', `task ${target.taskId.slice(0, 8)} was removed`);
  if (task && (task.status === 'completed' || task.status === 'cancelled')) {
    throw new MilestoneError('INVALID_OPERATION', `task ${task.id.slice(0, 8)} is ${task.status}`, {
      hint: `Reopen it first: \`git milestone task edit ${task.id.slice(0, 8)} --status pending\`.`,
    });
  }
  const perMilestone = !task || settings.singleBranch;
  const name = branchName(settings.naming, perMilestone
    ? { id: state.id, milestoneId: state.id, title: state.title }
    : { id: (task as NonNullable<typeof task>).id, milestoneId: state.id, title: (task as NonNullable<typeof task>).title });
  if (!ctx.git.isValidBranchName(name)) {
    throw new MilestoneError('CONFIG_INVALID', `"${name}" is not a valid branch name`, {
      hint: 'Check branch_prefix and git_integration.branch_naming (`git milestone config show`).',
    });
  }
  const existing = await ctx.storage.refs.read(`refs/heads/${name}`);
  const head = ctx.git.revParse('HEAD');
  const old = readLink(ctx.repo.commonDir, name);
  const link = newLink(name, state, task, old?.start ?? (existing ? null : head), ctx.env.clock());
  link.tasks = [...new Set([...(old?.tasks ?? []), ...link.tasks])];
  if (!task && old) link.task = old.task;
  link.type = task ? commitType(task, state) : old?.type ?? link.type;
  writeLink(ctx.repo.commonDir, link);
  if (ctx.git.symbolicRef('HEAD') !== name) {
    try {
      ctx.git.checkout(name, { create: !existing });
    } catch (e) {
      if (old) writeLink(ctx.repo.commonDir, old);
      else removeLink(ctx.repo.commonDir, name);
      throw e;
    }
  }
  const { state: after } = await writeMilestone(ctx, state.id, (s) => {
    const drafts: MilestoneOpDraft[] = [];
    const t = task ? s.tasks.find((x) => x.id === task.id) : undefined;
    if (t && t.status !== 'in_progress') drafts.push(taskStatusOp({ task: t.id, status: 'in_progress' }));
    if (s.status === 'planned') drafts.push(milestoneSetOp({ fields: { status: 'in_progress' } }));
    return drafts;
  });
  return {
    branch: name,
    created: !existing,
    milestone: state.id,
    task: task?.id ?? null,
    taskStatus: task ? after.tasks.find((x) => x.id === task.id)?.status ?? null : null,
    milestoneStatus: after.status,
    singleBranch: settings.singleBranch && Boolean(task),
  };
}
