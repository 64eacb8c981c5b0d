/**
 * Contract of one operation type (one file per type under ops/, registered in registry.ts).
 *  - check: is the operation well formed on its own? (run when reading any stored pack)
 *  - validate: may it be written now, given the current state? (run at write time only; this is
 *    where a dependency cycle or an unknown task is refused)
 *  - apply: the next state. Pure and total: during a fold of merged histories an operation may meet
 *    a state it was not validated against, and must then do something deterministic (usually
 *    nothing) instead of throwing. `options.policy` says how concurrent writes of one register
 *    resolve (registers.ts); the default is `merge`.
 */
import type { FoldOptions, MilestoneState, Operation } from '../types';

export interface OpHandler {
  readonly type: string;
  check(op: Operation): void;
  validate(state: MilestoneState | null, op: Operation): void;
  apply(state: MilestoneState | null, op: Operation, hash: string, options?: FoldOptions): MilestoneState;
}

/** What a use case asks to write: an operation before author, time and Lamport time are stamped. */
export type OpDraft = { type: string } & Record<string, unknown>;
