/**
 * The one interface every derived cache implements (the file index now; SQLite and PostgreSQL
 * later). A cache is always rebuildable from refs: deleting it loses nothing.
 */
import type { MilestoneSummary } from '../domain/query';
import type { MilestoneState } from '../domain/types';

export interface TaskLocation {
  taskId: string;
  milestoneId: string;
}

export interface RefreshReport {
  /** Entities read again because their tip moved or they were new. */
  read: number;
  removed: number;
  total: number;
  /** Refs that could not be read (corrupt entities), with the reason. */
  errors: Array<{ id: string; message: string }>;
}

export interface MilestoneIndex {
  /** Summaries of every milestone, after making sure the cache matches the refs. */
  summaries(): Promise<MilestoneSummary[]>;
  /** Full milestone ids whose id starts with `prefix`, or whose alias equals it. */
  findMilestones(prefix: string): Promise<string[]>;
  /** Tasks whose id starts with `prefix`. */
  findTasks(prefix: string): Promise<TaskLocation[]>;
  /** Records what a writer of this process just wrote (keeps the cache warm without a re-read). */
  put(id: string, tip: string, state: MilestoneState): Promise<void>;
  /** Brings the cache in line with the refs, reading only entities whose tip moved. */
  refresh(opts?: { force?: boolean }): Promise<RefreshReport>;
  /** Throws the cache away and reads every entity again. */
  rebuild(): Promise<RefreshReport>;
}
