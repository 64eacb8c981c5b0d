/** Throughput: tasks completed per day over the report's days (first operation's day to today), and the means. */
import { dayOf, daysBetween, round2 } from './calendar';
import type { Completion, Throughput } from './types';

export function throughputOf(completions: readonly Completion[], from: number, now: number): Throughput {
  const daily = daysBetween(dayOf(Math.min(from, now)), dayOf(now)).map((date) => ({ date, completed: 0 }));
  const byDay = new Map(daily.map((d) => [d.date, d]));
  let completed = 0;
  for (const c of completions) {
    const d = byDay.get(dayOf(Date.parse(c.completedAt)));
    if (!d) continue;
    d.completed++;
    completed++;
  }
  const days = daily.length;
  return { completed, days, perDay: days ? round2(completed / days) : 0, perWeek: days ? round2((completed * 7) / days) : 0, daily };
}
