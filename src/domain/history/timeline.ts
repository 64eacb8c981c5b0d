/**
 * A history seen as a timeline: at each distinct author time of its operations, a view (a summary,
 * the remaining work) of the state folded as of that time (asOf.ts statesAt, the one fold). The
 * state as of any instant is the one of the last time at or before it, so a timeline answers
 * `--as-of` by binary search with no folding, and a cache can keep it (index/history/).
 * An operation whose time does not parse never joins (opTime: Infinity), as in foldAsOf.
 */
import { summarize, type MilestoneSummary } from '../summary';
import type { FoldOptions, MilestoneState, StoredOperation } from '../types';
import { opTime, statesAt } from './asOf';

/** [time in ms, view of the state as of that time], times rising. */
export type Timeline<T> = Array<[number, T]>;

/** Remaining work (tasks neither completed nor cancelled, their estimated hours) of a live milestone. */
export interface Remaining {
  tasks: number;
  hours: number;
}

export function timelineOf<T>(
  ops: readonly StoredOperation[], view: (state: MilestoneState | null) => T, options: FoldOptions = {},
): Timeline<T> {
  const times = [...new Set(ops.map(opTime).filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
  return statesAt(ops, times, options).map((state, i) => [times[i], view(state)]);
}

/** The view as of `at`: that of the last time at or before it; `before` when `at` precedes them all. */
export function valueAt<T, B>(timeline: Timeline<T>, at: number, before: B): T | B {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[mid][0] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? before : timeline[lo - 1][1];
}

/** The list summary as of each time (null while the milestone did not exist). */
export function summaryTimeline(
  ops: readonly StoredOperation[], options: FoldOptions = {},
): Timeline<MilestoneSummary | null> {
  return timelineOf(ops, (s) => (s === null ? null : summarize(s)), options);
}

/** The remaining work as of each time (null while the milestone did not exist or was deleted). */
export function workTimeline(
  ops: readonly StoredOperation[], options: FoldOptions = {},
): Timeline<Remaining | null> {
  return timelineOf(ops, (s) => (s === null || s.deleted ? null : remainingOf(s)), options);
}

export function remainingOf(state: MilestoneState): Remaining {
  let tasks = 0;
  let hours = 0;
  for (const t of state.tasks) {
    if (t.deleted || t.status === 'completed' || t.status === 'cancelled') continue;
    tasks++;
    hours += t.estimatedHours ?? 0;
  }
  return { tasks, hours: Math.round(hours * 100) / 100 };
}
