/**
 * The domain model: pure data, no fs, git or clock. An entity's state is the fold of its
 * operations (see fold.ts); every operation type lives in its own file under ops/.
 */
export const MILESTONE_STATUSES = ['planned', 'in_progress', 'blocked', 'paused', 'completed', 'cancelled', 'archived'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const TASK_STATUSES = ['pending', 'in_progress', 'blocked', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Author {
  name: string;
  email: string;
}

/**
 * One change to an entity. `type` selects the handler in ops/registry.ts; the payload fields are
 * the handler's own. `lamport` orders operations across clones; `time` is wall clock (ISO 8601).
 */
export interface Operation {
  type: string;
  author: Author;
  time: string;
  lamport: number;
  [payload: string]: unknown;
}

/** An operation together with its content hash (sha256 of its canonical JSON). */
export interface StoredOperation {
  hash: string;
  op: Operation;
}

export interface Stamp {
  at: string;
  by: Author;
}

export interface TaskState {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  assignee: string | null;
  estimatedHours: number | null;
  dependsOn: string[];
  startedAt: string | null;
  completedAt: string | null;
  created: Stamp;
  updated: Stamp;
  deleted: boolean;
  /** Fields with no place in the model (for example from an import), kept verbatim. */
  extra: Record<string, unknown>;
}

export interface MilestoneState {
  id: string;
  aliases: string[];
  title: string;
  description: string;
  status: MilestoneStatus;
  priority: Priority | null;
  category: string | null;
  labels: string[];
  startDate: string | null;
  dueDate: string | null;
  estimatedHours: number | null;
  successCriteria: string[];
  deliverables: unknown[];
  risks: unknown[];
  resources: Record<string, unknown>;
  dependsOn: string[];
  extra: Record<string, unknown>;
  tasks: TaskState[];
  archived: boolean;
  deleted: boolean;
  created: Stamp;
  updated: Stamp;
  /** Highest Lamport time folded in. */
  clock: number;
  opCount: number;
}

/** Scalar milestone fields that `milestone.set` may write (each a last-writer register). */
export const MILESTONE_SCALAR_FIELDS = [
  'title', 'description', 'status', 'priority', 'category', 'startDate', 'dueDate', 'estimatedHours',
  'successCriteria', 'deliverables', 'risks', 'resources',
] as const;
export type MilestoneScalarField = (typeof MILESTONE_SCALAR_FIELDS)[number];

export const TASK_SCALAR_FIELDS = ['title', 'description', 'assignee', 'estimatedHours'] as const;
export type TaskScalarField = (typeof TASK_SCALAR_FIELDS)[number];
