/**
 * The one interface every derived cache implements (the file index, SQLite and PostgreSQL). A
 * cache is always rebuildable from refs: deleting it loses nothing.
 */
import type { MilestoneSummary, SummaryFilter } from '../domain/query';
import type { MilestoneState } from '../domain/types';
import type { EntityRead } from './model/readEntities';
import type { RowCounts } from './shared/rowCounts';
import type { SummaryList } from './shared/summaryList';
import type { ListRow } from './shared/listRow';

export type { ListRow, RowMeta } from './shared/listRow';

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
  /** Every live (not deleted) milestone in default order (created, id), after a freshness check. */
  rows(): Promise<ListRow[]>;
  /** The answer to `list` with this filter (shared/summaryList.ts), after the same check. */
  list(filter: SummaryFilter): Promise<SummaryList>;
  /** What the scale metrics count of the live rows (bytes as printed, tasks), after the same check. */
  counts(): Promise<RowCounts>;
  /**
   * Optional: what `list --json` prints with no filter (every unarchived live row in default
   * order, as a JSON array), read in one piece after the same freshness check as rows().
   */
  liveJson?(): Promise<Buffer>;
  /** The same rows parsed. */
  summaries(): Promise<MilestoneSummary[]>;
  /** Full milestone ids whose id starts with `prefix`, or whose alias equals it. */
  findMilestones(prefix: string): Promise<string[]>;
  /** Tasks whose id starts with `prefix`. */
  findTasks(prefix: string): Promise<TaskLocation[]>;
  /** Records what a writer of this process just wrote (keeps the cache warm without a re-read). */
  put(id: string, tip: string, state: MilestoneState): Promise<void>;
  /** Optional: put for many entities at once (a bulk import writes thousands). */
  putMany?(rows: Array<{ id: string; tip: string; state: MilestoneState }>): Promise<void>;
  /** Brings the cache in line with the refs, reading only entities whose tip moved. */
  refresh(opts?: { force?: boolean }): Promise<RefreshReport>;
  /**
   * Reads every entity again and replaces the cache with what was read; readers meanwhile see the
   * old cache or the new one, never a half-built one.
   */
  rebuild(): Promise<RefreshReport>;
  /**
   * Optional: a whole new cache to be filled by `rebuildIndexes` (src/index/shared), which reads
   * every entity once for all the caches being rebuilt together.
   */
  builder?(): IndexBuild;
  /**
   * Optional (database indexes): rows that may pass `filter`, narrowed in the database. A superset
   * of the answer: the caller still filters, sorts and limits with the domain's filterSummaries.
   */
  candidates?(filter: SummaryFilter): Promise<ListRow[]>;
  /**
   * Optional: the milestones the last freshness check could not read (their rows are left out),
   * so a listing can warn instead of skipping them silently.
   */
  unreadable?(): Promise<Array<{ id: string; message: string }>>;
  /** Optional: releases a database handle or connection. */
  close?(): void | Promise<void>;
}

/** A cache being rebuilt from entities read once for every cache rebuilt with it. */
export interface IndexBuild {
  /** Whether it needs each entity's operation history; when no build does, `ops` arrive empty. */
  readonly history: boolean;
  add(id: string, read: EntityRead<MilestoneState>): void;
  /** Replaces the cache; `token`: the refs fingerprint the reads began at (null when racy). */
  commit(tips: Map<string, string>, token: string | null): Promise<RefreshReport>;
  /** Gives up without replacing anything (another build of the batch failed). */
  abort?(): void;
}
