/**
 * Records a checkpoint of a session: the work tree's branch, HEAD and path, the tasks in progress
 * with their phases and the next ready tasks (by default read from the milestone), and the
 * uncommitted changes saved as a stash commit (ctx.git.stashCreate: the work tree is not touched).
 * The stash commit is attached to the checkpoint's entity commit, so `git gc` keeps it and push,
 * pull and backup carry it with the session. A checkpoint counts as a heartbeat.
 */
import { nextTasks } from '../../domain/readiness';
import { MilestoneError } from '../../errors/MilestoneError';
import { sessionCheckpointOp } from '../../domain/session/sessionCheckpoint';
import type { CheckpointTask } from '../../domain/session/types';
import { currentPhaseOf } from '../../domain/workflow/machine';
import type { Context } from '../context';
import { readMilestone } from '../milestoneAccess';
import { checkpointView, resolveSession, sessionStore, type CheckpointView } from './sessionAccess';

export interface CheckpointSessionInput {
  session: string;
  message?: string;
  /** The work tree to record (default: this one). */
  worktree?: string;
  tasks?: CheckpointTask[];
  next?: string[];
  /** Save the uncommitted changes (default true; `execute` records the user's work tree without them). */
  saveChanges?: boolean;
  /** Where the work tree stands, when the caller knows it already (no git run to ask). */
  at?: { top: string; branch: string | null; head: string | null };
}

async function milestoneWork(ctx: Context, milestone: string): Promise<{ tasks: CheckpointTask[]; next: string[] }> {
  const n = nextTasks(await readMilestone(ctx, milestone, { allowDeleted: true }));
  const tasks = n.inProgress.map((t) => {
    const phase = t.workflow ? currentPhaseOf(t.workflow)?.name : undefined;
    return phase ? { task: t.id, phase } : { task: t.id };
  });
  return { tasks, next: n.ready.map((t) => t.id) };
}

export async function checkpointSession(ctx: Context, o: CheckpointSessionInput): Promise<CheckpointView> {
  const id = await resolveSession(ctx, o.session);
  const store = sessionStore(ctx);
  const { state } = await store.read(id);
  const work = o.tasks && o.next ? { tasks: o.tasks, next: o.next } : await milestoneWork(ctx, state.milestone);
  const dir = o.worktree ?? ctx.repo.workTree ?? undefined;
  const tree = o.at ?? (dir === undefined ? null : ctx.git.workTreeHead(dir));
  if (dir !== undefined && tree === null) {
    throw new MilestoneError('NOT_FOUND', `no work tree at ${dir}`, { hint: 'Name a work tree of this repository with --worktree PATH.' });
  }
  // stashCreate scans the work tree once and answers null when nothing is uncommitted.
  const stash = tree && o.saveChanges !== false ? ctx.git.stashCreate({ worktree: tree.top, message: o.message ?? `session ${id.slice(0, 8)}` }) : null;
  const op = sessionCheckpointOp({
    message: o.message, branch: tree?.branch ?? undefined, head: tree?.head ?? undefined, worktree: tree?.top,
    tasks: o.tasks ?? work.tasks, next: o.next ?? work.next, stash: stash ?? undefined,
  });
  // The stash (whose first parent is HEAD), or HEAD itself: the branch's commits travel with the session.
  const attach = stash ?? tree?.head ?? null;
  const written = await store.append(id, ctx.who(), () => [op], { attach: attach ? [attach] : [] });
  ctx.env.log.info('session checkpoint', { session: id, stash: stash !== null });
  return checkpointView(written.state.lastCheckpoint as NonNullable<typeof written.state.lastCheckpoint>);
}
