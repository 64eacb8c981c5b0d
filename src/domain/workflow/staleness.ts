/**
 * Content binding and time rules, pure given the current blob ids and the time:
 *  - a review is stale when a deliverable it saw now has other content (or is gone);
 *  - a waiting phase is due for auto-approval once `after` ms have passed since its submission;
 *  - an open phase is overdue once `timeout` ms have passed since it started.
 */
import type { DeliverableBlob, PhaseRecord, ReviewRecord } from './phaseState';

/** `current`: path → blob id of the work-tree file now (absent: the file is gone). */
export function isStale(review: ReviewRecord, current: ReadonlyMap<string, string>): boolean {
  return review.deliverables.some((d) => current.get(d.path) !== d.blob);
}

export function changedDeliverables(
  recorded: DeliverableBlob[], current: ReadonlyMap<string, string>,
): string[] {
  return recorded.filter((d) => current.get(d.path) !== d.blob).map((d) => d.path);
}

export function autoApprovalDue(p: PhaseRecord, now: Date, afterMs: number | null): boolean {
  if (afterMs === null || p.status !== 'waiting_approval' || p.submittedAt === null) return false;
  return Date.parse(p.submittedAt) + afterMs <= now.getTime();
}

const OPEN = ['in_progress', 'waiting_approval', 'blocked', 'rejected', 'changes_requested'];

export function isOverdue(p: PhaseRecord, now: Date, timeoutMs: number | null): boolean {
  if (timeoutMs === null || !OPEN.includes(p.status) || p.startedAt === null) return false;
  return Date.parse(p.startedAt) + timeoutMs <= now.getTime();
}

/** `48h`, `3d`, `90m`, `30s`, `2w`, or a number of hours; null for none/invalid. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 3_600_000;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)?\s*$/i.exec(value);
  if (!m) return null;
  const unit: Record<string, number> = { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 };
  return Number(m[1]) * unit[(m[2] ?? 'h').toLowerCase()];
}
