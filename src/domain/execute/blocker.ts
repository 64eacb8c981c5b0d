/**
 * Why a task is blocked, when something (`execute`: an agent that kept failing, a timeout, a failing
 * verify command, a merge conflict, a lapsed lease) blocked it. Kept in the milestone's extra fields
 * under `blocker:<task id>` (milestone.set-extra, one causal register per task, so two clones'
 * blockers merge like any field; null clears it), and shown while the task is blocked.
 */
import type { MilestoneState } from '../types';
import { isPlainObject } from '../values';

export interface Blocker {
  reason: string;
  /** ISO time it was recorded. */
  at: string;
}

export const blockerKey = (task: string): string => `blocker:${task}`;

/** The recorded reason of a blocked task, or null. */
export function blockerOf(m: MilestoneState, task: string): Blocker | null {
  const t = m.tasks.find((x) => x.id === task);
  const v = m.extra[blockerKey(task)];
  if (!t || t.status !== 'blocked' || !isPlainObject(v) || typeof v.reason !== 'string') return null;
  return { reason: v.reason, at: typeof v.at === 'string' ? v.at : '' };
}
