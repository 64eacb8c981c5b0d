/**
 * `phase.set` {task, phase, status, deliverables?, approvers?}: moves one phase of a task's workflow
 * to in_progress, waiting_approval, completed or blocked (the other statuses come from reviews).
 * validate follows the state machine (workflow/machine.ts). apply keeps:
 *  - startedAt: the op's time when the phase first becomes in_progress;
 *  - on waiting_approval: a new review round (this op's hash), submittedAt, the deliverables'
 *    blob ids and the roles that must approve (from the settings at submit time);
 *  - on completed: the deliverables given.
 */
import type { MilestoneState, Operation } from '../types';
import { isPlainObject } from '../values';
import { transitionProblem, type PhaseAction } from '../workflow/machine';
import { SETTABLE_PHASE_STATUSES, type ApproverRole, type DeliverableBlob, type SettablePhaseStatus } from '../workflow/phaseState';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { changePhase, deliverableList, requirePhase } from './phaseHelpers';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys, requireString } from './payload';
import { onLive, requireLiveMilestone, requireLiveTask } from './state';

const TYPE = 'phase.set';

export type PhaseSetPayload = {
  task: string; phase: string; status: SettablePhaseStatus; deliverables?: DeliverableBlob[]; approvers?: ApproverRole[];
};

export function phaseSetOp(p: PhaseSetPayload): Draft<typeof TYPE, PhaseSetPayload> {
  return draft(TYPE, p);
}

function approverList(op: Operation): ApproverRole[] {
  const v = op.approvers;
  if (v === undefined) return [];
  const ok = Array.isArray(v) && v.every((r) => isPlainObject(r) && typeof r.role === 'string'
    && Array.isArray(r.emails) && r.emails.every((e) => typeof e === 'string'));
  if (!ok) malformed(op, 'approvers must be an array of {role, emails}');
  return (v as ApproverRole[]).map((r) => ({ role: r.role, emails: [...r.emails] }));
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
  requireString(op, 'phase');
  if (!(SETTABLE_PHASE_STATUSES as readonly unknown[]).includes(op.status)) {
    malformed(op, `status must be one of ${SETTABLE_PHASE_STATUSES.join(', ')}`);
  }
  deliverableList(op);
  approverList(op);
}

/** The action a status write stands for, given the phase's status now. */
function actionOf(status: SettablePhaseStatus, current: string, needsApproval: boolean): PhaseAction {
  if (status === 'in_progress') return current === 'pending' || current === 'blocked' ? 'start' : 'reopen';
  if (status === 'waiting_approval') return 'submit';
  if (status === 'completed') return needsApproval ? 'complete' : 'submit';
  return 'block';
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'phase', 'status', 'deliverables', 'approvers']);
  const task = requireLiveTask(requireLiveMilestone(state, op), op.task as string, op);
  const { workflow, phase } = requirePhase(task, op.phase as string);
  const status = op.status as SettablePhaseStatus;
  if (status === 'waiting_approval' && !phase.needsApproval) badInput(`phase ${phase.name} needs no approval: complete it instead`);
  const problem = transitionProblem(workflow, phase.name, actionOf(status, phase.status, phase.needsApproval));
  if (problem) badInput(problem, undefined, { phase: phase.name, status: phase.status });
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => {
    const status = op.status as SettablePhaseStatus;
    return changePhase(live, op, op.task as string, op.phase as string, (p) => {
      if (status === 'in_progress') return { base: status, startedAt: p.startedAt ?? op.time };
      if (status === 'blocked') return { base: status };
      if (status === 'completed') return { base: status, deliverables: deliverableList(op), startedAt: p.startedAt ?? op.time };
      return {
        base: status, round: hash, submittedAt: op.time, deliverables: deliverableList(op), approvers: approverList(op),
        startedAt: p.startedAt ?? op.time,
      };
    });
  });
}

export const phaseSet: OpHandler = { type: TYPE, level: 2, check, validate, apply };
