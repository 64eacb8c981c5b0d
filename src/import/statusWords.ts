/**
 * Status words of Backlog.md (`To Do`, `In Progress`, `Done`, `Won't Do`, `Wontfix`, `Completed`,
 * `Draft`, any case, `-` or space) and task-master (`pending`, `in-progress`, `done`, `review`,
 * `deferred`, `cancelled`, `blocked`, and `completed` as one file writes it) → task statuses.
 */
import type { TaskStatus } from '../domain/types';
import type { SourceFormat } from './plan';

export function statusOfWord(word: string): TaskStatus {
  const w = word.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/[’']/g, '');
  if (['done', 'completed', 'complete', 'closed', 'resolved'].includes(w)) return 'completed';
  if (['in progress', 'review', 'in review', 'doing', 'active', 'started'].includes(w)) return 'in_progress';
  if (['wont do', 'wontfix', 'cancelled', 'canceled', 'rejected', 'obsolete'].includes(w)) return 'cancelled';
  if (w === 'blocked') return 'blocked';
  return 'pending';
}

export function sourceStatus(_format: SourceFormat, value: string): TaskStatus {
  return statusOfWord(value);
}
