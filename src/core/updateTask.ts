/**
 * Task changes that go through the task's own milestone: `task edit`, `task start|done|block`,
 * `task rm`. Each writes only what changes; the domain refuses what is not allowed. A field in
 * conflict (written concurrently in two clones) counts as changed, so the edit resolves it.
 */
import { hasConflict } from '../domain/conflicts';
import type { OpDraft } from '../domain/ops/OpHandler';
import type { MilestoneState, TaskState } from '../domain/types';
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { writeMilestone } from './milestoneAccess';
import { resolveTask } from './resolveTask';

export interface UpdateTaskOptions {
  task: string;
  fields?: Record<string, unknown>;
  status?: string;
  remove?: boolean;
}

export async function updateTask(ctx: Context, o: UpdateTaskOptions): Promise<TaskView> {
  const loc = await resolveTask(ctx, o.task);
  const given = Object.entries(o.fields ?? {}).filter(([, v]) => v !== undefined);
  if (given.length === 0 && o.status === undefined && !o.remove) {
    throw new MilestoneError('USAGE', 'nothing to change', { hint: 'Give at least one of --title, --description, --assignee, --estimate, --status.' });
  }
  const { state } = await writeMilestone(ctx, loc.milestoneId, (s) => {
    const t = liveTask(s, loc.taskId);
    const drafts: OpDraft[] = [];
    const current = t as unknown as Record<string, unknown>;
    const changed = Object.fromEntries(given.filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v) || hasConflict(s, k, t.id)));
    if (Object.keys(changed).length > 0) drafts.push({ type: 'task.set', task: t.id, fields: changed });
    if (o.status !== undefined && (o.status !== t.status || hasConflict(s, 'status', t.id))) drafts.push({ type: 'task.status', task: t.id, status: o.status });
    if (o.remove) drafts.push({ type: 'task.remove', task: t.id });
    return drafts;
  });
  const task = state.tasks.find((t) => t.id === loc.taskId) as TaskState;
  return taskView(task, state);
}

function liveTask(s: MilestoneState, id: string): TaskState {
  const t = s.tasks.find((x) => x.id === id);
  if (!t || t.deleted) throw new MilestoneError('NOT_FOUND', `task ${id.slice(0, 8)} was removed`, { data: { id } });
  return t;
}
