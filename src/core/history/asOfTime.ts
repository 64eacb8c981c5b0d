/**
 * Reads `--as-of` for a use case: the instant (domain/history/asOf.ts) and the refusal of a time
 * before the first operation of what was asked about.
 */
import { opTime, parseAsOf } from '../../domain/history/asOf';
import type { StoredOperation } from '../../domain/types';
import { MilestoneError } from '../../errors/MilestoneError';

export { parseAsOf };

/** The earliest author time among `ops` (Infinity when none). */
export function firstTime(ops: Iterable<StoredOperation>): number {
  let first = Infinity;
  for (const s of ops) first = Math.min(first, opTime(s));
  return first;
}

/** INVALID_INPUT when `at` comes before `first`: nothing (of `what`) existed yet. */
export function refuseBefore(at: number, first: number, given: string, what: string): void {
  if (!Number.isFinite(first) || at >= first) return;
  const since = new Date(first).toISOString();
  throw new MilestoneError('INVALID_INPUT', `--as-of ${given} is before ${what} existed (the first operation is from ${since})`, {
    hint: `Give a time at or after ${since}.`,
    data: { asOf: given, first: since },
  });
}
