/** Where the milestones stand now: task counts by status, progress as `list` shows it, hours. */
import { milestoneProgress } from '../progress';
import type { MilestoneState } from '../types';
import { round2 } from './calendar';
import type { ProgressFigures } from './types';

/** Tasks neither completed nor cancelled (live ones). */
export function openTasks(state: MilestoneState) {
  return state.tasks.filter((t) => !t.deleted && t.status !== 'completed' && t.status !== 'cancelled');
}

export function hoursOf(tasks: ReadonlyArray<{ estimatedHours: number | null }>): number {
  return round2(tasks.reduce((sum, t) => sum + (t.estimatedHours ?? 0), 0));
}

export function progressOf(states: readonly MilestoneState[]): ProgressFigures {
  const live = states.flatMap((s) => s.tasks.filter((t) => !t.deleted));
  const count = (status: string) => live.filter((t) => t.status === status).length;
  const percents = states.map(milestoneProgress);
  return {
    milestones: states.length,
    tasks: live.length,
    completed: count('completed'),
    inProgress: count('in_progress'),
    blocked: count('blocked'),
    pending: count('pending'),
    cancelled: count('cancelled'),
    percent: percents.length ? Math.round(percents.reduce((a, b) => a + b, 0) / percents.length) : 0,
    estimatedHours: hoursOf(live.filter((t) => t.status !== 'cancelled')),
    remainingHours: hoursOf(states.flatMap(openTasks)),
  };
}
