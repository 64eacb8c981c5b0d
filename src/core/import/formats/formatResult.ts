/**
 * What an import of another tool's plan reports (text and `--json`): one row per milestone with
 * what happened to it (created, updated, unchanged; `would-…` on a dry run) and the files it came
 * from, the files or lines that could not be read, and notes about the source.
 */
import type { PlanProblem, SourceFormat, SourcePlan } from '../../../import/plan';

export type FormatAction = 'created' | 'updated' | 'unchanged' | 'would-create' | 'would-update' | 'failed';

export interface FormatRow {
  format: SourceFormat;
  alias: string;
  id: string;
  title: string;
  action: FormatAction;
  files: string[];
  tasks: number;
  /** Tasks added (all of them for a new milestone). */
  added: number;
  /** Status changes taken from the source. */
  statuses: number;
  notes: string[];
}

export interface FormatImportResult {
  formats: SourceFormat[];
  path: string;
  dryRun: boolean;
  milestones: FormatRow[];
  counts: Record<FormatAction, number> & { tasks: number; problems: number };
  problems: PlanProblem[];
  notes: PlanProblem[];
}

export function formatResult(plans: SourcePlan[], root: string, dryRun: boolean, rows: FormatRow[], problems: PlanProblem[]): FormatImportResult {
  const count = (a: FormatAction): number => rows.filter((r) => r.action === a).length;
  return {
    formats: plans.map((p) => p.format), path: root, dryRun, milestones: rows,
    counts: {
      created: count('created'), updated: count('updated'), unchanged: count('unchanged'),
      'would-create': count('would-create'), 'would-update': count('would-update'), failed: count('failed'),
      tasks: rows.reduce((n, r) => n + r.tasks, 0), problems: problems.length,
    },
    problems, notes: plans.flatMap((p) => p.notes),
  };
}
