/**
 * The phases a task gets when a workflow is attached: names and weights from the definition, and
 * whether each needs approval by precedence (../shared/legacy-format.md): the task's setting
 * (`--gate PHASE=yes|no` when attaching, else the task's `extra.gates.<phase>` or legacy
 * `kiro_workflow.phases.<phase>.approval_required`), else the milestone's gate (`extra.gates.<phase>`
 * or legacy `kiro_configuration.approval_gates.<phase>_to_<next>.required`), else the workflow's
 * default.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { MilestoneState, TaskState } from '../types';
import { isPlainObject } from '../values';
import type { PhaseOutline } from './phaseState';
import type { WorkflowDef } from './types';

/** Phase → needs approval, as given on the command line. */
export type GateOverrides = Readonly<Record<string, boolean>>;

function milestoneGate(m: MilestoneState, phase: string, next: string | undefined): boolean | null {
  const gates = m.extra.gates;
  if (isPlainObject(gates) && typeof gates[phase] === 'boolean') return gates[phase] as boolean;
  const kiro = m.extra.kiro_configuration;
  const legacy = isPlainObject(kiro) && isPlainObject(kiro.approval_gates) ? kiro.approval_gates : null;
  const gate = legacy && next !== undefined ? legacy[`${phase}_to_${next}`] : undefined;
  return isPlainObject(gate) && typeof gate.required === 'boolean' ? gate.required : null;
}

function taskGate(t: Pick<TaskState, 'extra'> | undefined, phase: string): boolean | null {
  const gates = t?.extra.gates;
  if (isPlainObject(gates) && typeof gates[phase] === 'boolean') return gates[phase] as boolean;
  const kiro = t?.extra.kiro_workflow;
  const phases = isPlainObject(kiro) && isPlainObject(kiro.phases) ? kiro.phases : null;
  const p = phases ? phases[phase] : undefined;
  return isPlainObject(p) && typeof p.approval_required === 'boolean' ? p.approval_required : null;
}

export function outlineFor(
  def: WorkflowDef, m: MilestoneState, t?: Pick<TaskState, 'extra'>, given: GateOverrides = {},
): { name: string; phases: PhaseOutline[] } {
  return {
    name: def.name,
    phases: def.phases.map((p, i) => ({
      name: p.name,
      weight: p.weight,
      needsApproval: given[p.name] ?? taskGate(t, p.name)
        ?? milestoneGate(m, p.name, def.phases[i + 1]?.name) ?? p.needsApproval,
    })),
  };
}

const YES = ['yes', 'true', 'on', 'required'];
const NO = ['no', 'false', 'off', 'none'];

/** `--gate PHASE=yes|no` words as overrides (USAGE for a malformed one). */
export function parseGates(words: readonly string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const w of words) {
    const m = /^([^=\s]+)=(\S+)$/.exec(w.trim());
    const value = m?.[2].toLowerCase() ?? '';
    if (!m || ![...YES, ...NO].includes(value)) {
      throw new MilestoneError('USAGE', `--gate needs PHASE=yes|no, got "${w}"`, {
        hint: 'For example --gate design=no --gate task=yes.',
      });
    }
    out[m[1]] = YES.includes(value);
  }
  return out;
}

/** The phases of `def` that `given` names but it does not have (NOT_FOUND, as an unknown phase). */
export function checkGates(def: WorkflowDef, given: GateOverrides): void {
  const names = def.phases.map((p) => p.name);
  const unknown = Object.keys(given).find((k) => !names.includes(k));
  if (unknown === undefined) return;
  const message = `unknown phase "${unknown}": workflow ${def.name} has ${names.join(', ')}`;
  throw new MilestoneError('NOT_FOUND', message, {
    hint: `--gate names one of ${names.join(', ')}.`, data: { phase: unknown, phases: names },
  });
}
