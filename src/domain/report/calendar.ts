/** UTC days and Monday-started weeks as the report names them (`YYYY-MM-DD`). */
export const DAY_MS = 86_400_000;

export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds of a day's start (00:00:00.000 UTC). */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** The last millisecond of a day. */
export function dayEnd(day: string): number {
  return dayStart(day) + DAY_MS - 1;
}

/** Every day from `from` to `to`, both included (empty when `to` is earlier). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = dayStart(from); t <= dayStart(to); t += DAY_MS) out.push(dayOf(t));
  return out;
}

/**
 * The days from `from` to `to` (both included) to chart: every day when there are at most `max`,
 * else every k-th day from `from` (k = ceil(days / max)), plus `to` and each of `keep` in range.
 */
export function chartDays(from: string, to: string, keep: readonly string[], max: number): string[] {
  const all = daysBetween(from, to);
  if (all.length <= max) return all;
  const k = Math.ceil(all.length / max);
  const kept = new Set([to, ...keep.filter((d) => d >= from && d <= to)]);
  return all.filter((d, i) => i % k === 0 || kept.has(d));
}

/** The Monday that starts the week holding `ms`. */
export function weekOf(ms: number): string {
  const start = dayStart(dayOf(ms));
  const sinceMonday = (new Date(start).getUTCDay() + 6) % 7;
  return dayOf(start - sinceMonday * DAY_MS);
}

/** Every week (its Monday) from the week of `from` to the week of `to`. */
export function weeksBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = dayStart(weekOf(from)); t <= dayStart(weekOf(to)); t += 7 * DAY_MS) out.push(dayOf(t));
  return out;
}

/** A time value of the model (`YYYY-MM-DD` or ISO date-time) in ms, or null. */
export function msOf(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(t) ? null : t;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
