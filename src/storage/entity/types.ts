/**
 * Types of the generic entity engine. An entity kind (milestone now; session and checkpoint later)
 * plugs in through an EntityDefinition: the engine stores, orders, validates and merges operation
 * packs; the definition says what the operations mean.
 */
import type { Author, OpDraft, Operation, StoredOperation } from '../../domain/types';
import type { Oid } from '../ports';

export interface EntityDefinition<S> {
  /** Ref namespace segment: entities live at `refs/milestones/<kind>/<id>`. */
  kind: string;
  /** Type of the operation that creates an entity (must be the only op of the root pack). */
  createType: string;
  /** Well-formedness of one stored operation; throws. */
  check(op: Operation): void;
  /** May `op` be written on top of `state`? Throws a MilestoneError explaining why not. */
  validate(state: S | null, op: Operation): void;
  /** Applies operations, already in fold order, onto a state (null: from scratch). Pure, total. */
  apply(state: S | null, ops: StoredOperation[]): S;
  /**
   * Completes a draft from the state it will be written on, before it is stamped (for example with
   * what the writer has seen, so a later merge can tell overwrites from concurrent writes).
   */
  prepare?(state: S, draft: OpDraft): OpDraft;
  /**
   * The id of the entity `op` creates. Default: the operation's hash, so ids never collide. A kind
   * with one entity per key (a claim per task) derives it from the payload, which makes its ref
   * deterministic: two writers creating it meet in the ref's compare-and-swap.
   */
  idOf?(op: Operation, hash: string): string;
  /** Highest Lamport time folded into a state. */
  clock(state: S): number;
  /** One line for the commit subject, e.g. `task.add "Write the parser"`. */
  describe(ops: Operation[]): string;
  /** Format levels (domain/formatLevels.ts): what this build reads, and what it writes. */
  format: EntityFormat;
}

export interface EntityFormat {
  /** Highest format level this build reads and writes for the kind. */
  level: number;
  /** This build's release, named in FORMAT_TOO_NEW. */
  release: string;
  /** The release that introduced a level this build knows. */
  releaseOf(level: number): string;
  /** The level operations need: the highest of the kind's own and of each operation type's. */
  levelOf(ops: readonly Operation[]): number;
}

export interface EntityTip<S> {
  id: string;
  ref: string;
  tip: Oid;
  state: S;
}

export interface HistoryCommit {
  oid: Oid;
  parents: Oid[];
  ops: StoredOperation[];
}

export interface EntityHistory<S> extends EntityTip<S> {
  /** Commits from the root, parents before children. */
  commits: HistoryCommit[];
  /** Every operation in fold order (Lamport time, then hash). */
  ops: StoredOperation[];
}

export interface WriteRequest {
  author: Author;
  /** ISO 8601 wall-clock time of the change. */
  time: string;
}
