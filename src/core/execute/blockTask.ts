/**
 * Blocks a task with its reason (domain/execute/blocker.ts) in one write, and fires the
 * notification `task.blocked` through the webhook outbox. `clearBlocker` removes a recorded reason
 * when execute takes the task up again.
 */
import { blockerKey } from '../../domain/execute/blocker';
import { actorOf, taskBlockedEvent } from '../../domain/notify/events';
import { milestoneSetExtraOp, taskStatusOp } from '../../domain/ops/constructors';
import type { Context } from '../context';
import { writeMilestone } from '../milestoneAccess';
import { emitEvents } from '../notify/emit';

export async function blockTask(ctx: Context, o: { milestone: string; task: string; reason: string }): Promise<void> {
  const at = ctx.env.clock().toISOString();
  const { state } = await writeMilestone(ctx, o.milestone, (s) => {
    const t = s.tasks.find((x) => x.id === o.task && !x.deleted);
    if (!t) return [];
    return [
      ...(t.status === 'blocked' ? [] : [taskStatusOp({ task: o.task, status: 'blocked' })]),
      milestoneSetExtraOp({ fields: { [blockerKey(o.task)]: { reason: o.reason, at } } }),
    ];
  });
  const t = state.tasks.find((x) => x.id === o.task);
  if (!t) return;
  const m = { id: state.id, title: state.title, status: state.status };
  await emitEvents(ctx, [taskBlockedEvent(m, { id: t.id, title: t.title, status: t.status }, actorOf(ctx.who().author))]);
}

export async function clearBlocker(ctx: Context, o: { milestone: string; task: string }): Promise<void> {
  await writeMilestone(ctx, o.milestone, (s) => (s.extra[blockerKey(o.task)] === undefined
    ? [] : [milestoneSetExtraOp({ fields: { [blockerKey(o.task)]: null } })]));
}
