/**
 * The plan as it stood at a moment: the fold (fold.ts, the one fold) of the operations whose
 * author time is at or before that moment. Author time is the wall-clock time the writer stamped
 * on each operation (`op.time`, UTC); it is what `log` shows and what every clone holds alike, so
 * every clone answers the same. Lamport times only order the fold.
 *
 * Given as `YYYY-MM-DD` (the end of that UTC day) or an ISO 8601 date-time (without an offset:
 * UTC, as the operations' times are written).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { applyOps, fold, sortOps } from '../fold';
import { CREATE_TYPE } from '../ops/registry';
import type { FoldOptions, MilestoneState, StoredOperation } from '../types';
import { isIsoDate, isIsoDateTime } from '../values';

const DAY = 86_400_000;

/** Milliseconds since the epoch of the last instant `text` names; INVALID_INPUT when it is no date. */
export function parseAsOf(text: string): number {
  const value = text.trim();
  if (isIsoDate(value)) return Date.parse(`${value}T00:00:00.000Z`) + DAY - 1;
  if (isIsoDateTime(value)) return Date.parse(/(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`);
  throw new MilestoneError('INVALID_INPUT', `--as-of ${JSON.stringify(text)} is not a date`, {
    hint: 'Give YYYY-MM-DD (the end of that day, UTC) or an ISO 8601 date-time such as 2026-03-01T12:00:00Z.',
    data: { asOf: text },
  });
}

/** An operation's author time in ms (a time that does not parse counts as never, so is left out). */
export function opTime(s: StoredOperation): number {
  const t = Date.parse(s.op.time);
  return Number.isNaN(t) ? Infinity : t;
}

/** The state from the operations written at or before `at`, or null when the entity did not exist yet. */
export function foldAsOf(ops: readonly StoredOperation[], at: number, options: FoldOptions = {}): MilestoneState | null {
  const before = ops.filter((s) => opTime(s) <= at);
  const sorted = sortOps(before);
  if (sorted.length === 0 || sorted[0].op.type !== CREATE_TYPE) return null;
  return fold(sorted, options);
}

/**
 * foldAsOf at each of `times` (ascending), reusing the previous state when the operations that
 * joined since all come later in fold order (applyOps refuses otherwise, so then it folds afresh):
 * the same answers as foldAsOf for each time, in one pass over a history written in order.
 */
export function statesAt(
  ops: readonly StoredOperation[], times: readonly number[], options: FoldOptions = {},
): Array<MilestoneState | null> {
  const byTime = [...ops].sort((a, b) => opTime(a) - opTime(b));
  const out: Array<MilestoneState | null> = [];
  let state: MilestoneState | null = null;
  let taken = 0;
  for (const at of times) {
    let end = taken;
    while (end < byTime.length && opTime(byTime[end]) <= at) end++;
    const joined = byTime.slice(taken, end);
    if (joined.length > 0) {
      const clock: number | null = state === null ? null : state.clock;
      const ordered: boolean = clock !== null && joined.every((s) => s.op.lamport > clock);
      state = ordered ? applyOps(state, joined, options) : foldAsOf(byTime.slice(0, end), at, options);
    }
    taken = end;
    out.push(state);
  }
  return out;
}
