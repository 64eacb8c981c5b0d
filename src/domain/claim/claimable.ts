/**
 * Which tasks may be claimed: a ready task (pending, every dependency done) or one in progress
 * (its holder's lease may have lapsed: it is taken over where it stands). A done, blocked,
 * waiting or removed task is refused with the reason.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { nextTasks } from '../readiness';
import type { MilestoneState, TaskState } from '../types';
import { shortId } from '../values';

export function claimableTask(m: MilestoneState, taskId: string): TaskState {
  const t = m.tasks.find((x) => x.id === taskId);
  const name = `task ${shortId(taskId)}`;
  if (!t || t.deleted || m.deleted) throw new MilestoneError('NOT_FOUND', `${name} was removed`, { data: { task: taskId } });
  if (t.status === 'completed' || t.status === 'cancelled') {
    throw new MilestoneError('NOT_READY', `${name} ${JSON.stringify(t.title)} is already ${t.status}: nothing to claim`, {
      hint: '`git milestone next --claim` takes the first ready task.',
      data: { task: taskId, status: t.status },
    });
  }
  if (t.status === 'in_progress') return t;
  const r = nextTasks(m);
  if (r.ready.some((x) => x.id === taskId)) return t;
  const reasons = r.waiting.find((w) => w.task.id === taskId)?.reasons ?? [`it is ${t.status}`];
  throw new MilestoneError('NOT_READY', `${name} ${JSON.stringify(t.title)} is not ready: ${reasons.join('; ')}`, {
    hint: 'Finish what it waits for first; `git milestone next` lists the ready tasks.',
    data: { task: taskId, status: t.status, reasons },
  });
}
