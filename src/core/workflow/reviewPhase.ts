/**
 * `git milestone review TASK --approve|--reject|--request-changes [-m TEXT] [--phase P]`: one
 * review of a phase waiting for approval, by the git identity running the command (as git takes a
 * commit's author). Refused, naming who may review, when that identity acts for none of the roles
 * the phase needs. The review binds to the deliverables' blob ids as submitted. What the
 * workflow's policies have due on the milestone (auto-approvals, phases sent back for review) is
 * recorded first, and the review answers the state after it.
 */
import { reviewAddOp } from '../../domain/ops/constructors';
import type { TaskState } from '../../domain/types';
import { taskView, type TaskView } from '../../domain/views';
import { mayReview, roundReviews } from '../../domain/workflow/gate';
import type { PhaseRecord, ReviewDecision } from '../../domain/workflow/phaseState';
import { changedDeliverables } from '../../domain/workflow/staleness';
import { unknownPhase } from '../../domain/ops/phaseHelpers';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readMilestone, settlePolicy, writeMilestone } from '../milestoneAccess';
import { liveTask, resolveTask } from '../resolveTask';
import { actorOf, phaseEvent, type PhaseEventName } from '../../domain/notify/events';
import { emitEvents } from '../notify/emit';
import { currentBlobs } from './deliverables';
import { phaseLens } from './phaseLens';
import { workflowSettings } from './workflowSettings';

export interface ReviewOptions {
  task: string;
  decision: ReviewDecision;
  phase?: string;
  message?: string;
}

function pickPhase(task: TaskState, name: string | undefined): PhaseRecord {
  const w = task.workflow;
  if (!w) {
    const message = `task ${task.id.slice(0, 8)} follows no workflow; there is nothing to review`;
    throw new MilestoneError('INVALID_INPUT', message);
  }
  const p = name === undefined
    ? w.phases.find((x) => x.status === 'waiting_approval') : w.phases.find((x) => x.name === name);
  if (name !== undefined && !p) throw unknownPhase(w, name);
  if (p && p.status === 'approved' && roundReviews(p).some((r) => r.policy)) {
    const message = `phase ${p.name} was approved by policy (approval_workflow.auto_approve_after)`;
    throw new MilestoneError('INVALID_INPUT', message, {
      data: { task: task.id, phase: p.name },
    });
  }
  if (!p || p.status !== 'waiting_approval') {
    const what = p ? `phase ${p.name} is ${p.status}, not` : `no phase of task ${task.id.slice(0, 8)} is`;
    throw new MilestoneError('INVALID_INPUT', `${what} waiting for a review`, {
      hint: '`git milestone review --pending` lists the phases waiting for one.',
      data: { task: task.id, phase: p?.name ?? null },
    });
  }
  return p;
}

export async function reviewPhase(ctx: Context, o: ReviewOptions): Promise<TaskView> {
  const loc = await resolveTask(ctx, o.task);
  const settings = await workflowSettings(ctx);
  const raw = liveTask(await readMilestone(ctx, loc.milestoneId), loc.taskId);
  if (o.phase !== undefined && raw.workflow && !raw.workflow.phases.some((p) => p.name === o.phase)) {
    throw unknownPhase(raw.workflow, o.phase); // bad input is refused before the policies write
  }
  const before = await settlePolicy(ctx, loc.milestoneId);
  const phase = pickPhase(liveTask(before, loc.taskId), o.phase);
  const me = ctx.who().author;
  if (!mayReview(phase, me.email)) {
    const who = phase.approvers.map((r) => `${r.role}: ${r.emails.join(', ') || '(nobody listed)'}`)
      .join('; ');
    const message = `${me.name} <${me.email}> may not review phase ${phase.name}; approvers are ${who}`;
    throw new MilestoneError('INVALID_INPUT', message, {
      hint: 'Approvers come from approval_workflow.roles and approval_workflow.<phase>_approvers '
        + 'in the settings.',
      data: { phase: phase.name, approvers: phase.approvers },
    });
  }
  const now = await currentBlobs(ctx, phase.deliverables.map((d) => d.path));
  const changed = changedDeliverables(phase.deliverables, now);
  if (changed.length > 0) {
    ctx.env.err(`note: ${changed.join(', ')} changed since the submission; `
      + 'this review binds to the submitted content\n');
  }
  const { state } = await writeMilestone(ctx, loc.milestoneId, () => [
    reviewAddOp({
      task: loc.taskId, phase: phase.name, round: phase.round as string, decision: o.decision,
      deliverables: phase.deliverables, message: o.message,
    }),
  ]);
  const after = liveTask(state, loc.taskId);
  const milestone = { id: state.id, title: state.title, status: state.status };
  const task = { id: after.id, title: after.title, status: after.status };
  const data = o.message === undefined ? undefined : { message: o.message };
  const event = REVIEW_EVENT[o.decision];
  const actor = actorOf(me);
  await emitEvents(ctx, [phaseEvent({ event, milestone, task, phase: phase.name, actor, data })]);
  return taskView(after, state, await phaseLens(ctx, after, settings));
}

const REVIEW_EVENT = {
  approve: 'review.approved',
  reject: 'review.rejected',
  request_changes: 'review.changes_requested',
} as const satisfies Record<ReviewDecision, PhaseEventName>;
