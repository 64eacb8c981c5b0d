/**
 * How long a phase may stay open: its own `timeout` in the workflow file (or the file's
 * `phase_timeout`, which checkWorkflowFile folds into each phase), else the setting
 * `kiro_workflow.phase_timeout`; null: never overdue. Built-in workflows have no timeouts of their
 * own. A workflow whose file is gone or broken falls back to the setting (and doctor reports the
 * file). Each workflow is looked up once per command.
 */
import { BUILTIN_WORKFLOWS } from '../../domain/workflow/builtin';
import { parseDuration } from '../../domain/workflow/staleness';
import type { WorkflowDef } from '../../domain/workflow/types';
import type { Context } from '../context';
import { findWorkflow } from './findWorkflow';
import { loadWorkflows } from './loadWorkflows';
import type { WorkflowSettings } from './workflowSettings';

export type TimeoutOf = (workflow: string, phase: string) => number | null;

const own = (def: WorkflowDef | null, phase: string): number | null =>
  parseDuration(def?.phases.find((p) => p.name === phase)?.timeout);

export function phaseTimeouts(ctx: Context, settings: WorkflowSettings): TimeoutOf {
  const defs = new Map<string, WorkflowDef | null>();
  const defOf = (name: string): WorkflowDef | null => {
    if (!defs.has(name)) {
      try {
        defs.set(name, findWorkflow(ctx, name));
      } catch {
        defs.set(name, null);
      }
    }
    return defs.get(name) ?? null;
  };
  return (workflow, phase) => own(defOf(workflow), phase) ?? settings.timeoutMs;
}

/**
 * Every phase whose timeout differs from the setting's, as `<workflow>/<phase>` → ms (null:
 * never), over the known workflows: what an index-answered overdue query needs besides the setting.
 */
export function timeoutExceptions(ctx: Context, settings: WorkflowSettings): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const def of loadWorkflows(ctx).workflows.filter((w) => !BUILTIN_WORKFLOWS.includes(w))) {
    for (const p of def.phases) {
      const ms = own(def, p.name);
      if (ms !== null && ms !== settings.timeoutMs) out.set(`${def.name}/${p.name}`, ms);
    }
  }
  return out;
}
