/**
 * `git milestone review TASK --approve|--reject|--request-changes [-m TEXT] [--phase P]`: one
 * review of a phase waiting for approval, by the git identity running the command (as git takes a
 * commit's author). Refused, naming who may review, when that identity acts for none of the roles
 * the phase needs. The review binds to the deliverables' blob ids as submitted. Due auto-approvals
 * of the milestone are recorded in the same write.
 */
import { reviewAddOp } from '../../domain/ops/constructors';
import type { MilestoneState, TaskState } from '../../domain/types';
import { taskView, type TaskView } from '../../domain/views';
import { mayReview } from '../../domain/workflow/gate';
import type { PhaseRecord, ReviewDecision } from '../../domain/workflow/phaseState';
import { autoApprovalDue, changedDeliverables } from '../../domain/workflow/staleness';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readMilestone, writeMilestone } from '../milestoneAccess';
import { resolveTask } from '../resolveTask';
import { actorOf, phaseEvent, type PhaseEventName } from '../../domain/notify/events';
import { emitEvents } from '../notify/emit';
import { autoApprovals } from './autoApprovals';
import { currentBlobs } from './deliverables';
import { phaseLens } from './phaseLens';
import { workflowSettings } from './workflowSettings';

export interface ReviewOptions {
  task: string;
  decision: ReviewDecision;
  phase?: string;
  message?: string;
}

function liveTask(s: MilestoneState, id: string): TaskState {
  const t = s.tasks.find((x) => x.id === id);
  if (!t || t.deleted) throw new MilestoneError('NOT_FOUND', `task ${id.slice(0, 8)} was removed`, { data: { id } });
  return t;
}

function pickPhase(task: TaskState, name: string | undefined): PhaseRecord {
  const w = task.workflow;
  if (!w) throw new MilestoneError('INVALID_INPUT', `task ${task.id.slice(0, 8)} follows no workflow; there is nothing to review`);
  const p = name === undefined ? w.phases.find((x) => x.status === 'waiting_approval') : w.phases.find((x) => x.name === name);
  if (name !== undefined && !p) {
    throw new MilestoneError('INVALID_INPUT', `unknown phase "${name}": workflow ${w.name} has ${w.phases.map((x) => x.name).join(', ')}`);
  }
  if (!p || p.status !== 'waiting_approval') {
    throw new MilestoneError('INVALID_INPUT', `${p ? `phase ${p.name} is ${p.status}` : `no phase of task ${task.id.slice(0, 8)} is`} waiting for a review`, {
      hint: '`git milestone review --pending` lists the phases waiting for one.', data: { task: task.id, phase: p?.name ?? null },
    });
  }
  return p;
}

export async function reviewPhase(ctx: Context, o: ReviewOptions): Promise<TaskView> {
  const loc = await resolveTask(ctx, o.task);
  const settings = await workflowSettings(ctx);
  const now = ctx.env.clock();
  const before = await readMilestone(ctx, loc.milestoneId);
  const phase = pickPhase(liveTask(before, loc.taskId), o.phase);
  if (autoApprovalDue(phase, now, settings.autoApproveMs)) {
    throw new MilestoneError('INVALID_INPUT', `phase ${phase.name} was approved by policy (approval_workflow.auto_approve_after)`);
  }
  const me = ctx.who().author;
  if (!mayReview(phase, me.email)) {
    const who = phase.approvers.map((r) => `${r.role}: ${r.emails.join(', ') || '(nobody listed)'}`).join('; ');
    throw new MilestoneError('INVALID_INPUT', `${me.name} <${me.email}> may not review phase ${phase.name}; approvers are ${who}`, {
      hint: 'Approvers come from approval_workflow.roles and approval_workflow.<phase>_approvers in the settings.',
      data: { phase: phase.name, approvers: phase.approvers },
    });
  }
  const changed = changedDeliverables(phase.deliverables, await currentBlobs(ctx, phase.deliverables.map((d) => d.path)));
  if (changed.length > 0) ctx.env.err(`note: ${changed.join(', ')} changed since the submission; this review binds to the submitted content\n`);
  const { state } = await writeMilestone(ctx, loc.milestoneId, (s) => [
    ...autoApprovals(s, now, settings.autoApproveMs),
    reviewAddOp({
      task: loc.taskId, phase: phase.name, round: phase.round as string, decision: o.decision,
      deliverables: phase.deliverables, message: o.message,
    }),
  ]);
  const after = liveTask(state, loc.taskId);
  const milestone = { id: state.id, title: state.title, status: state.status };
  const task = { id: after.id, title: after.title, status: after.status };
  const data = o.message === undefined ? undefined : { message: o.message };
  await emitEvents(ctx, [phaseEvent({ event: REVIEW_EVENT[o.decision], milestone, task, phase: phase.name, actor: actorOf(me), data })]);
  return taskView(after, state, await phaseLens(ctx, after, settings));
}

const REVIEW_EVENT = {
  approve: 'review.approved',
  reject: 'review.rejected',
  request_changes: 'review.changes_requested',
} as const satisfies Record<ReviewDecision, PhaseEventName>;
