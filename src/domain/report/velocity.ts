/** Tasks completed per week (Monday to Sunday, UTC), in all and per author, from the first operation's week to now. */
import { round2, weekOf, weeksBetween } from './calendar';
import { compareStrings } from '../values';
import type { Completion, Velocity, VelocityWeek } from './types';

export function velocityOf(completions: readonly Completion[], from: number, now: number): Velocity {
  const weeks: VelocityWeek[] = weeksBetween(Math.min(from, now), now).map((week) => ({ week, completed: 0, byAuthor: [] }));
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  for (const c of completions) {
    const w = byWeek.get(weekOf(Date.parse(c.completedAt)));
    if (!w) continue;
    w.completed++;
    const a = w.byAuthor.find((x) => x.email === c.by.email && x.name === c.by.name);
    if (a) a.completed++;
    else w.byAuthor.push({ name: c.by.name, email: c.by.email, completed: 1 });
  }
  for (const w of weeks) w.byAuthor.sort((a, b) => b.completed - a.completed || compareStrings(a.name, b.name));
  const total = weeks.reduce((s, w) => s + w.completed, 0);
  return { weeks, meanPerWeek: weeks.length ? round2(total / weeks.length) : 0 };
}
