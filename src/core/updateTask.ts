/**
 * Task changes that go through the task's own milestone: `task edit`, `task start|done|block`,
 * `task rm`. Each writes only what changes; the domain refuses what is not allowed. A field in
 * conflict (written concurrently in two clones) counts as changed, so the edit resolves it. When
 * nothing differs (`task done` of a done task) nothing is written: `changed: false`.
 */
import { hasConflict } from '../domain/conflicts';
import { TASK_STATUS_RULE } from '../domain/fields';
import { taskRemoveOp, taskSetOp, taskStatusOp, type MilestoneOpDraft } from '../domain/ops/constructors';
import type { MilestoneState, TaskState, TaskStatus } from '../domain/types';
import { actorOf, taskBlockedEvent } from '../domain/notify/events';
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { writeMilestone, type Changed } from './milestoneAccess';
import { emitEvents } from './notify/emit';
import { resolveTask } from './resolveTask';

export interface UpdateTaskOptions {
  task: string;
  fields?: Record<string, unknown>;
  status?: string;
  remove?: boolean;
}

export async function updateTask(ctx: Context, o: UpdateTaskOptions): Promise<Changed<TaskView>> {
  const loc = await resolveTask(ctx, o.task);
  const given = Object.entries(o.fields ?? {}).filter(([, v]) => v !== undefined);
  if (given.length === 0 && o.status === undefined && !o.remove) {
    throw new MilestoneError('USAGE', 'nothing to change', { hint: 'Give at least one of --title, --description, --assignee, --estimate, --status.' });
  }
  let before: TaskStatus | undefined;
  const { state, hashes } = await writeMilestone(ctx, loc.milestoneId, (s) => {
    const t = liveTask(s, loc.taskId);
    before = t.status;
    const drafts: MilestoneOpDraft[] = [];
    const current = t as unknown as Record<string, unknown>;
    const changed = Object.fromEntries(given.filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v) || hasConflict(s, k, t.id)));
    if (Object.keys(changed).length > 0) drafts.push(taskSetOp({ task: t.id, fields: changed }));
    if (o.status !== undefined && (o.status !== t.status || hasConflict(s, 'status', t.id))) {
      drafts.push(taskStatusOp({ task: t.id, status: asStatus(o.status) }));
    }
    if (o.remove) drafts.push(taskRemoveOp({ task: t.id }));
    return drafts;
  });
  const task = state.tasks.find((t) => t.id === loc.taskId) as TaskState;
  if (task.status === 'blocked' && before !== 'blocked' && !task.deleted) {
    const m = { id: state.id, title: state.title, status: state.status };
    const t = { id: task.id, title: task.title, status: task.status };
    await emitEvents(ctx, [taskBlockedEvent(m, t, actorOf(ctx.who().author))]);
  }
  return { ...taskView(task, state), changed: hashes.length > 0 };
}

/** A status given as text: INVALID_INPUT naming the allowed ones when it is not one. */
function asStatus(status: string): TaskStatus {
  const problem = TASK_STATUS_RULE.problem(status);
  if (problem) throw new MilestoneError('INVALID_INPUT', problem);
  return status as TaskStatus;
}

function liveTask(s: MilestoneState, id: string): TaskState {
  const t = s.tasks.find((x) => x.id === id);
  if (!t || t.deleted) throw new MilestoneError('NOT_FOUND', `task ${id.slice(0, 8)} was removed`, { data: { id } });
  return t;
}
