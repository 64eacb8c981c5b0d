/**
 * `git milestone task start`: the task moves to in_progress and, when `auto_branch` is on (git
 * config `milestone.auto-branch`, or the settings file), its branch is created and checked out as by
 * `branch start` (in a work tree only; a bare repository just records the status). Settings are read
 * the lean way: a bad setting is a warning here, never a failed start.
 */
import type { TaskView } from '../../domain/views';
import type { Context } from '../context';
import type { Changed } from '../milestoneAccess';
import { readLeanSettings } from '../git/leanSettings';
import { updateTask } from '../updateTask';
import { startBranch } from './startBranch';

export async function startTask(ctx: Context, task: string): Promise<Changed<TaskView>> {
  const view = await updateTask(ctx, { task, status: 'in_progress' });
  if (!ctx.repo.workTree) return view;
  const lean = readLeanSettings({ repo: ctx.repo, cwd: ctx.repo.workTree, vars: ctx.env.vars, git: ctx.git });
  for (const w of lean.warnings) ctx.env.err(`warning: ${w}\n`);
  if (!lean.settings.autoBranch) return view;
  const r = await startBranch(ctx, { target: view.id, settings: lean.settings });
  ctx.env.err(`${r.created ? 'Created and checked out' : 'Checked out'} branch ${r.branch} (auto_branch)\n`);
  return view;
}
