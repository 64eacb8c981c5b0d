/**
 * What `git milestone doctor` reports. A problem has a severity: an `error` makes the repository
 * unhealthy (exit 1) unless --fix repaired it; a `warning` is worth knowing but harmless. A
 * problem is `fixable` only if it lives in derived files (caches, stale locks): doctor never
 * rewrites a data ref, and names the command that shows a bad one instead.
 */
export type CheckName = 'entities' | 'remotes' | 'index' | 'config' | 'hooks' | 'locks' | 'aliases' | 'workflow' | 'claims';

export interface DoctorProblem {
  check: CheckName;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  /** The data ref concerned, when there is one. */
  ref?: string;
  /** A file concerned (a lock, an index file). */
  path?: string;
  fixable: boolean;
  /** Set by --fix once repaired. */
  fixed?: boolean;
}

export interface CheckSummary {
  name: CheckName;
  ok: boolean;
  /** One line: what was checked. */
  summary: string;
}

export interface EntityCounts {
  milestones: number;
  tasks: number;
  operations: number;
  conflicts: number;
  /** Sound entities of the other kinds (sessions), when there are any. */
  kinds?: Record<string, number>;
}
