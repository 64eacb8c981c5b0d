/**
 * The phases a task gets when a workflow is attached: names and weights from the definition, and
 * whether each needs approval by precedence: the milestone's gate (legacy
 * `kiro_configuration.approval_gates.<phase>_to_<next>.required`, or `gates.<phase>`), else the
 * workflow's default.
 */
import type { MilestoneState } from '../types';
import { isPlainObject } from '../values';
import type { PhaseOutline } from './phaseState';
import type { WorkflowDef } from './types';

function milestoneGate(m: MilestoneState, phase: string, next: string | undefined): boolean | null {
  const gates = m.extra.gates;
  if (isPlainObject(gates) && typeof gates[phase] === 'boolean') return gates[phase] as boolean;
  const kiro = m.extra.kiro_configuration;
  const legacy = isPlainObject(kiro) && isPlainObject(kiro.approval_gates) ? kiro.approval_gates : null;
  const gate = legacy && next !== undefined ? legacy[`${phase}_to_${next}`] : undefined;
  return isPlainObject(gate) && typeof gate.required === 'boolean' ? gate.required : null;
}

export function outlineFor(def: WorkflowDef, m: MilestoneState): { name: string; phases: PhaseOutline[] } {
  return {
    name: def.name,
    phases: def.phases.map((p, i) => ({
      name: p.name, weight: p.weight, needsApproval: milestoneGate(m, p.name, def.phases[i + 1]?.name) ?? p.needsApproval,
    })),
  };
}
