/**
 * Small pure helpers on plain values shared by the operations, the views and the queries: type
 * guards, calendar-date checks, deterministic string ordering and short ids. No clock, no locale:
 * everything here gives the same answer on every machine.
 */

/** Number of characters of an id shown to people (`1a2b3c4d`). */
export const SHORT_ID_LENGTH = 8;

export function shortId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/** A JSON-like object: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Code-unit order: unlike localeCompare it does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps the first occurrence of each value, in order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** `YYYY-MM-DD`, a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`, with every part in range. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME_RE.exec(value);
  if (m === null || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return false;
  return m[8] === undefined || (Number(m[8]) <= 23 && Number(m[9]) <= 59);
}

/** A date field value: `YYYY-MM-DD` or an ISO 8601 date-time. */
export function isDateValue(value: unknown): value is string {
  return isIsoDate(value) || isIsoDateTime(value);
}

/** Milliseconds since the epoch for an ISO string, or null when it does not parse. */
export function timeValue(value: string | null): number | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/** Why a label, alias or id cannot be used, or null when it can. */
export function tokenProblem(what: string, value: string): string | null {
  if (value.trim() === '') return `${what} must not be empty`;
  if (value.trim() !== value) return `${what} ${JSON.stringify(value)} must not start or end with whitespace`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${what} ${JSON.stringify(value)} must not contain control characters`;
  return null;
}

/**
 * A deep copy of JSON-like data, so views and states never share arrays or objects: several times
 * faster than structuredClone for the small values operations carry by the thousand in an import.
 * A `__proto__` key stays an ordinary key.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => copyJson(v) as unknown) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) setOwn(out, k, copyJson((value as Record<string, unknown>)[k]));
  return out as T;
}

/** Sets a key on a plain object; `__proto__` stays an ordinary key. */
export function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k !== '__proto__') {
    out[k] = v;
    return;
  }
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** An own member of a record (never an inherited one such as `__proto__` or `constructor`). */
export function getEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * A copy of `record` with `key` set to `value` (removed when undefined). Built through a Map, so a
 * key such as `__proto__` stays an ordinary member.
 */
export function withEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string, value: T | undefined): Record<string, T> {
  const map = new Map(Object.entries(record ?? {}));
  if (value === undefined) map.delete(key);
  else map.set(key, value);
  return Object.fromEntries(map);
}
