/**
 * Remaining work at the end of each day, from the first operation's day to today (or to the due
 * date, if later: those days carry only the ideal line), as of each day's end: read from each
 * milestone's work timeline (history/timeline.ts; folded here when the source brings none). The
 * ideal line falls straight from the first day's remaining work to zero on the latest due date of
 * the milestones. A span longer than MAX_POINTS days is thinned to every k-th day (calendar.ts
 * chartDays), always with the first day, today and the due date, so a due date years ahead does
 * not list a thousand days.
 */
import { valueAt, workTimeline } from '../history/timeline';
import type { FoldOptions } from '../types';
import { chartDays, dayEnd, dayOf, dayStart, round2 } from './calendar';
import type { Burndown, BurndownDay, ReportSource } from './types';

export const MAX_POINTS = 92;

/** `from`: the first operation's time (ms). */
export function burndownOf(sources: readonly ReportSource[], from: number, now: number, options: FoldOptions = {}): Burndown {
  const start = dayOf(Math.min(from, now));
  const dues = sources.map((s) => s.state.dueDate).filter((d): d is string => d !== null).map((d) => d.slice(0, 10)).sort();
  const dueDate = dues.length ? dues[dues.length - 1] : null;
  const today = dayOf(now);
  const last = dueDate && dueDate > today ? dueDate : today;
  const days = chartDays(start, last, [today], MAX_POINTS);
  const past = days.filter((d) => d <= today);
  const remaining = past.map(() => ({ tasks: 0, hours: 0 }));
  for (const s of sources) {
    const work = s.work ?? workTimeline(s.ops, options);
    past.forEach((day, i) => {
      const left = valueAt(work, dayEnd(day), null);
      if (left === null) return;
      remaining[i].tasks += left.tasks;
      remaining[i].hours = round2(remaining[i].hours + left.hours);
    });
  }
  const scope = remaining[0] ?? { tasks: 0, hours: 0 };
  const span = dueDate ? (dayStart(dueDate) - dayStart(start)) : 0;
  const ideal = (day: string, total: number): number | null => {
    if (dueDate === null) return null;
    if (span <= 0 || day >= dueDate) return day >= dueDate ? 0 : total;
    return round2(total * (1 - (dayStart(day) - dayStart(start)) / span));
  };
  const out: BurndownDay[] = days.map((date, i) => ({
    date,
    remainingTasks: i < past.length ? remaining[i].tasks : null,
    remainingHours: i < past.length ? remaining[i].hours : null,
    idealTasks: ideal(date, scope.tasks),
    idealHours: ideal(date, scope.hours),
  }));
  return { start, dueDate, days: out };
}
