/**
 * When a failed delivery is tried again: exponential backoff from 10 s, doubling, capped at one
 * hour, and given up after MAX_ATTEMPTS (about 10 hours of trying). Pure.
 */

export const MAX_ATTEMPTS = 12;
const BASE_MS = 10_000;
const CAP_MS = 3_600_000;

/** Milliseconds to wait after the `attempts`-th failed attempt (1-based). */
export function retryDelayMs(attempts: number): number {
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** The next attempt's time after a failure at `now`, or null when it is given up. */
export function nextAttemptAt(attempts: number, now: Date): string | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
}
