/**
 * A legacy task's `kiro_workflow` → the phases it is imported with, pure. The workflow's phases come
 * from the milestone's `kiro_configuration` (`default_phases`, `phase_weights`, `approval_gates`:
 * the same gate precedence as domain/workflow/outline.ts), else the built-in `kiro`; a phase's own
 * `approval_required` overrides the gate. Each phase's status (and, for a decided phase, who decided
 * and when: the approval file's `decisions`, else `approved_by`/`approved_at`) becomes phase and
 * review operations (phaseOps.ts); those paths leave the residue, the rest of `kiro_workflow`
 * stays verbatim in the task's `extra`. A task whose phases no sequence of phase operations can
 * reach (a later phase started before an earlier one is done) keeps them verbatim, with a warning.
 */
import type { MilestoneState } from '../domain/types';
import { outlineFor } from '../domain/workflow/outline';
import { currentPhaseOf } from '../domain/workflow/machine';
import { newPhase, PHASE_STATUSES, type PhaseOutline, type PhaseStatus } from '../domain/workflow/phaseState';
import { KIRO_WORKFLOW } from '../domain/workflow/builtin';
import type { WorkflowDef } from '../domain/workflow/types';
import { legacyReviews, legacyTime as time, type LegacyReview, type PhaseContext } from './legacyReviews';
import { isObject, type Residue } from './residue';
import type { Json, JsonObject } from './types';

export interface LegacyPhase {
  name: string;
  /** The legacy status (one of the eight phase statuses). */
  status: PhaseStatus;
  /** Legacy `started_at` / `completed_at`, as operation times (ISO date-time) when they parse. */
  startedAt: string | null;
  completedAt: string | null;
  /** The reviews of the phase's last submission, in order (decided statuses and partial approvals). */
  reviews: LegacyReview[];
  /** Roles that must each approve (from the approval file's `approvers`); empty: anyone may. */
  approvers: string[];
}

export type { PhaseContext };

export interface MappedPhases {
  workflow: { name: string; phases: PhaseOutline[] };
  phases: LegacyPhase[];
}

const DECIDED: readonly PhaseStatus[] = ['waiting_approval', 'approved', 'rejected', 'changes_requested'];

const WEIGHTS_PROBLEM = 'kiro_configuration.phase_weights does not give these phases weights summing to 100';

function workflowDef(configuration: Json | undefined): WorkflowDef | string {
  const kc = isObject(configuration) ? configuration : {};
  const given = kc.default_phases;
  const kiroNames = KIRO_WORKFLOW.phases.map((p) => p.name);
  const names = Array.isArray(given) && given.length > 0 && given.every((n) => typeof n === 'string')
    && new Set(given).size === given.length ? (given as string[]) : kiroNames;
  const builtin = new Map(KIRO_WORKFLOW.phases.map((p) => [p.name, p]));
  const w = isObject(kc.phase_weights) ? kc.phase_weights : {};
  const own = names.every((n) => typeof w[n] === 'number' && (w[n] as number) >= 0)
    && names.reduce((s, n) => s + (w[n] as number), 0) === 100;
  if (!own && !names.every((n) => builtin.has(n))) return WEIGHTS_PROBLEM;
  return {
    name: names.join() === kiroNames.join() ? 'kiro' : 'legacy', source: 'legacy',
    phases: names.map((n) => ({
      name: n, weight: own ? (w[n] as number) : (builtin.get(n)?.weight as number),
      needsApproval: builtin.get(n)?.needsApproval ?? false, approvers: [], deliverables: [],
    })),
  };
}

function statusOf(phase: Json | undefined): PhaseStatus | null {
  const s = isObject(phase) ? (phase.status ?? 'pending') : phase === undefined ? 'pending' : phase;
  return (PHASE_STATUSES as readonly Json[]).includes(s as Json) ? (s as PhaseStatus) : null;
}

/** Whether phase operations can reach these statuses: every phase before the first open one is done. */
function reachable(phases: LegacyPhase[]): boolean {
  const open = phases.findIndex((p) => p.status !== 'approved' && p.status !== 'completed');
  return open < 0 || phases.slice(open + 1).every((p) => p.status === 'pending' || p.status === 'blocked');
}

/** The gate a phase imports with: a status only a gate gives implies one; completed without one had none. */
function gate(status: PhaseStatus, raw: Json | undefined, fromMilestone: boolean): boolean {
  if (DECIDED.includes(status)) return true;
  if (status === 'completed') return false;
  return isObject(raw) && typeof raw.approval_required === 'boolean' ? raw.approval_required : fromMilestone;
}

export function mapPhases(
  r: Residue, ctx: PhaseContext, warn: (message: string) => void,
): MappedPhases | null {
  const kiro = r.peek('kiro_workflow');
  if (!isObject(kiro) || kiro.enabled !== true) return null;
  const keep = (why: string): null => {
    const task = JSON.stringify(ctx.legacyTaskId ?? '?');
    warn(`task ${task}: its kiro_workflow phases ${why}; kept as written, not imported as phases`);
    return null;
  };
  const def = workflowDef(ctx.configuration);
  if (typeof def === 'string') return keep(`cannot be weighed (${def})`);
  const given = isObject(kiro.phases) ? kiro.phases : {};
  const unknown = Object.keys(given).filter((k) => !def.phases.some((p) => p.name === k));
  const names = def.phases.map((p) => p.name).join(', ');
  if (unknown.length > 0) return keep(`name ${unknown.join(', ')}, not a phase of ${names}`);
  const milestone = { extra: { kiro_configuration: ctx.configuration ?? null } } as unknown as MilestoneState;
  const outline = outlineFor(def, milestone);
  const phases: LegacyPhase[] = [];
  for (const [i, o] of outline.phases.entries()) {
    const raw = given[o.name];
    const status = statusOf(raw);
    const written = JSON.stringify(isObject(raw) ? raw.status : raw);
    if (status === null) return keep(`give phase ${o.name} the unknown status ${written}`);
    o.needsApproval = gate(status, raw, o.needsApproval);
    const reviews = legacyReviews(raw, status, ctx, o.name, outline.phases[i + 1]?.name);
    if (typeof reviews === 'string') return keep(reviews);
    const times = { startedAt: time(raw, 'started_at'), completedAt: time(raw, 'completed_at') };
    phases.push({ name: o.name, status, ...times, ...reviews });
  }
  if (!reachable(phases)) return keep('start a phase before the one before it is done');
  takeImported(r, kiro, phases, outline);
  return { workflow: outline, phases };
}

/** Moves what the operations now hold out of the residue, so an export puts it back from them. */
function takeImported(
  r: Residue, kiro: JsonObject, phases: LegacyPhase[], outline: MappedPhases['workflow'],
): void {
  const given = isObject(kiro.phases) ? kiro.phases : {};
  const take = (path: string) => r.take(`kiro_workflow.${path}`, () => true);
  for (const p of phases) {
    const raw = given[p.name];
    if (raw === undefined) continue;
    if (!isObject(raw)) take(`phases.${p.name}`);
    else if (raw.status !== undefined) take(`phases.${p.name}.status`);
    if (!isObject(raw) || !p.reviews.some((x) => x.fromPhase)) continue;
    for (const k of ['approved_at', 'approved_by']) if (raw[k] !== undefined) take(`phases.${p.name}.${k}`);
  }
  const records = outline.phases.map((o, i) => ({ ...newPhase(o), status: modelStatus(phases[i].status) }));
  const current = currentPhaseOf({ name: outline.name, phases: records })?.name;
  if (current !== undefined && kiro.current_phase === current) take('current_phase');
}

/** The status the imported operations leave a phase in (a request for changes reopens it). */
export function modelStatus(legacy: PhaseStatus): PhaseStatus {
  return legacy === 'changes_requested' ? 'in_progress' : legacy;
}
