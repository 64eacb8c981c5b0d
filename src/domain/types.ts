/**
 * The domain model: pure data, no fs, git or clock. An entity's state is the fold of its
 * operations (see fold.ts); every operation type lives in its own file under ops/.
 */
import type { TaskWorkflow } from './workflow/phaseState';

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

/**
 * An operation as a use case asks for it, before the engine stamps author, time and Lamport time.
 * Built by the constructors next to each handler (ops/*.ts), e.g. `taskStatusOp({task, status})`.
 */
export type OpDraft = { type: string } & Record<string, unknown>;

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
  /** The workflow the task follows and its phases (workflow/phaseState.ts); absent or null: none. */
  workflow?: TaskWorkflow | null;
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
  /** The workflow its tasks follow by default (milestone.workflow); absent until one is named. */
  workflow?: string | null;
  tasks: TaskState[];
  archived: boolean;
  deleted: boolean;
  created: Stamp;
  updated: Stamp;
  /** Highest Lamport time folded in. */
  clock: number;
  opCount: number;
  /** Latest write(s) of each register written since creation (registers.ts); absent until one is. */
  heads?: RegisterHeads;
  /** Add tags of set members (addWinsSet.ts); a member without an entry carries the implicit tag. */
  tags?: SetTags;
}

/**
 * One latest write of a register (a scalar field). A register holds one head, or several when
 * concurrent writes of different values met in a merge: the last head's value is the field's
 * visible value, the others carry theirs in `value`.
 */
export interface RegisterHead {
  /** Hash of the operation that wrote it. */
  op: string;
  at: string;
  by: Author;
  value?: unknown;
}

export type HeadMap = Record<string, RegisterHead[]>;

export interface RegisterHeads {
  milestone?: HeadMap;
  /** Keys of `extra`. */
  extra?: HeadMap;
  /** Task id → field → heads. */
  tasks?: Record<string, HeadMap>;
}

/** Member → hashes of the operations whose add of it no remove has seen yet. */
export type TagMap = Record<string, string[]>;

export interface SetTags {
  labels?: TagMap;
  dependsOn?: TagMap;
  aliases?: TagMap;
  /** Task id → dependency id → tags. */
  tasks?: Record<string, TagMap>;
}

/**
 * How concurrent writes of one field resolve (`coordination.conflict_resolution`): `merge` keeps
 * both values as a conflict (the one later in fold order is shown); `last_writer_wins` keeps only
 * the one with the later wall-clock time (then the higher hash).
 */
export const CONFLICT_POLICIES = ['merge', 'last_writer_wins'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export interface FoldOptions {
  policy?: ConflictPolicy;
}

/** Scalar milestone fields that `milestone.set` may write (each a last-writer register). */
export const MILESTONE_SCALAR_FIELDS = [
  'title', 'description', 'status', 'priority', 'category', 'startDate', 'dueDate', 'estimatedHours',
  'successCriteria', 'deliverables', 'risks', 'resources',
] as const;
export type MilestoneScalarField = (typeof MILESTONE_SCALAR_FIELDS)[number];

export const TASK_SCALAR_FIELDS = ['title', 'description', 'assignee', 'estimatedHours'] as const;
export type TaskScalarField = (typeof TASK_SCALAR_FIELDS)[number];
