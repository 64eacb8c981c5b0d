/**
 * Contract of one operation type (one file per type under ops/, registered in registry.ts).
 *  - level: the format level that introduced the type (formatLevels.ts); a reader that knows only
 *    lower levels refuses an entity holding it with FORMAT_TOO_NEW, naming the release it needs.
 *  - check: is the operation well formed on its own? (run when reading any stored pack)
 *  - validate: may it be written now, given the current state? (run at write time only; this is
 *    where a dependency cycle or an unknown task is refused)
 *  - apply: the next state. Pure and total: during a fold of merged histories an operation may meet
 *    a state it was not validated against, and must then do something deterministic (usually
 *    nothing) instead of throwing. `options.policy` says how concurrent writes of one register
 *    resolve (registers.ts); the default is `merge`.
 *
 * Each file also exports its payload type and a constructor (`taskStatusOp({task, status})`): use
 * cases build operations only through these, never as string-typed literals.
 */
import type { FoldOptions, MilestoneState, Operation } from '../types';
import { setOwn } from '../values';

/** `S`: the state of the entity kind the operation belongs to (milestones by default). */
export interface OpHandler<S = MilestoneState> {
  readonly type: string;
  readonly level: number;
  check(op: Operation): void;
  validate(state: S | null, op: Operation): void;
  apply(state: S | null, op: Operation, hash: string, options?: FoldOptions): S;
}

/** An operation of type `T` with payload `P`, before the engine stamps author, time and Lamport time. */
export type Draft<T extends string, P> = { type: T } & P;

/** `prev` (what the writer saw) is stamped by the engine (prepare.ts), never given by a use case. */
export type Prev = Record<string, string[]>;

/** A draft of `type` with the payload's defined members (an absent optional member is left out). */
export function draft<T extends string, P extends object>(type: T, payload: P): Draft<T, P> {
  // Built key by key: spreading a fromEntries object was ≈20 % of a bulk import's own time in V8.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(payload)) {
    const v = (payload as Record<string, unknown>)[k];
    if (v !== undefined) setOwn(out, k, v);
  }
  out.type = type;
  return out as Draft<T, P>;
}
