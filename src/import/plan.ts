/**
 * The plan every foreign format is read into (Kiro, cc-sdd, spec-kit, Backlog.md, task-master):
 * milestones holding tasks with their source id (the alias re-imports match on), title, details,
 * status, dependencies (source ids), parallel marker, requirement links, user-story labels,
 * optional flag, parent link and every field the model has no slot for, verbatim. Parsers are pure
 * (text in, plan out) and report problems by file and line; core/import/formats turns a plan into
 * operations. `mark` remembers where the status sits in the source, so write-back patches only it.
 */
import type { TaskStatus } from '../domain/types';

export const SOURCE_FORMATS = ['kiro', 'cc-sdd', 'spec-kit', 'backlog', 'task-master'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface PlanProblem {
  /** Path relative to the source root, `/`-separated. */
  file: string;
  line?: number;
  message: string;
}

/** Where a task's status is written in its file. */
export type StatusMark =
  | { kind: 'checkbox'; file: string; line: number; char: string }
  | { kind: 'field'; file: string; line: number; value: string }
  | { kind: 'json'; file: string; path: Array<string | number>; value: string }
  | { kind: 'none'; file: string; line: number };

export interface PlanTask {
  /** The id the source gives it (`1.2`, `T012`, `BACK-355.02`, `7.1`), unique in its milestone. */
  sourceId: string;
  title: string;
  details: string;
  status: TaskStatus;
  /** Source ids this task depends on (explicit and implied by order), in the same milestone. */
  deps: string[];
  parallel: boolean;
  requirements: string[];
  stories: string[];
  optional: boolean;
  /** Source id of the parent task, when a sub-task. */
  parent: string | null;
  /** Fields with no slot in the model, verbatim. */
  fields: Record<string, unknown>;
  mark: StatusMark;
}

/** A document that belongs to a phase: requirements/spec → design phase, design/plan → spec phase. */
export interface PlanDocument {
  role: 'requirements' | 'design' | 'tasks';
  /** Path relative to the source root. */
  file: string;
}

/** cc-sdd `approvals`: per document, generated and approved. */
export type ApprovalState = 'none' | 'generated' | 'approved';

export interface PlanMilestone {
  /** Stable key inside the source (`specs/001-x`, `tag:master`, `backlog`): with the format, the alias. */
  key: string;
  title: string;
  description: string;
  archived: boolean;
  /** The files this milestone was read from (relative), for the per-file dry-run report. */
  files: string[];
  tasks: PlanTask[];
  documents: PlanDocument[];
  /** Approval state per document role, when the source records one (cc-sdd spec.json). */
  approvals: Partial<Record<PlanDocument['role'], ApprovalState>> | null;
  fields: Record<string, unknown>;
}

export interface SourcePlan {
  format: SourceFormat;
  /** Absolute path of the source root. */
  root: string;
  milestones: PlanMilestone[];
  /** Files or lines that could not be read (the rest is imported). */
  problems: PlanProblem[];
  /** Oddities of the source worth telling (a repeated task number), imported anyway. */
  notes: PlanProblem[];
}

export function emptyTask(sourceId: string, title: string, mark: StatusMark): PlanTask {
  return {
    sourceId, title, details: '', status: 'pending', deps: [], parallel: false, requirements: [], stories: [],
    optional: false, parent: null, fields: {}, mark,
  };
}

/** The milestone alias of a plan milestone: `<format>:<key>`. */
export function milestoneAlias(format: SourceFormat, key: string): string {
  return `${format}:${key}`;
}

/** Adds the order dependency `task → prev` unless it is already there or would point at itself. */
export function addDep(task: PlanTask, dep: string | undefined): void {
  if (dep !== undefined && dep !== task.sourceId && !task.deps.includes(dep)) task.deps.push(dep);
}
