/**
 * `git milestone workflow list`: every workflow (built in, then the files of
 * .milestones/workflows/) with its phases, and the files that define nothing because of errors.
 */
import type { Context } from '../context';
import { loadWorkflows, type WorkflowFileReport } from './loadWorkflows';

export interface WorkflowSummary {
  name: string;
  description?: string;
  /** `builtin`, or the file that defines it. */
  source: string;
  phases: Array<{ name: string; weight: number; needsApproval: boolean }>;
}

export interface WorkflowListResult {
  workflows: WorkflowSummary[];
  /** Workflow files with errors (they define nothing) or warnings. */
  problems: WorkflowFileReport[];
}

export function listWorkflows(ctx: Context): WorkflowListResult {
  const loaded = loadWorkflows(ctx);
  return {
    workflows: loaded.workflows.map((w) => ({
      name: w.name,
      ...(w.description !== undefined ? { description: w.description } : {}),
      source: w.source,
      phases: w.phases.map((p) => ({ name: p.name, weight: p.weight, needsApproval: p.needsApproval })),
    })),
    problems: loaded.files.filter((f) => f.errors.length > 0 || f.warnings.length > 0),
  };
}
