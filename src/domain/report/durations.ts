/** Median and 85th percentile of a duration over completed tasks, in days (stats.ts). */
import { msOf, round2 } from './calendar';
import { median, percentile } from './stats';
import type { Completion, DurationStats } from './types';

const HOUR = 3_600_000;

export function durationStats(completions: readonly Completion[], from: (c: Completion) => string | null): DurationStats {
  const tasks: DurationStats['tasks'] = [];
  for (const c of completions) {
    const start = msOf(from(c));
    const end = msOf(c.completedAt);
    if (start === null || end === null || end < start) continue;
    tasks.push({ task: c.task, days: round2((end - start) / HOUR / 24) });
  }
  const days = tasks.map((t) => t.days);
  const p = (x: number | null) => (x === null ? null : round2(x));
  return { count: tasks.length, medianDays: p(median(days)), p85Days: p(percentile(days, 85)), tasks };
}
