/** Lead time: from a task's creation (its task.add) to its completion. */
import { durationStats } from './durations';
import type { Completion, DurationStats } from './types';

export function leadTimeOf(completions: readonly Completion[]): DurationStats {
  return durationStats(completions, (c) => c.createdAt);
}
