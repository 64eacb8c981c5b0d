/** Cycle time: from a task's first start (in_progress) to its completion; tasks never started are not measured. */
import { durationStats } from './durations';
import type { Completion, DurationStats } from './types';

export function cycleTimeOf(completions: readonly Completion[]): DurationStats {
  return durationStats(completions, (c) => c.startedAt);
}
