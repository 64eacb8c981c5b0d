/**
 * The history cache (`<git-common-dir>/milestones/history/`): what `list --as-of`, `show --as-of`
 * and `report` need from the operation history, derived from the refs and kept by the tip it was
 * built from, like the other caches. Files:
 *   summaries/xx.json  per entity whose id starts with xx: its summary timeline (domain/history/
 *                      timeline.ts), one shard read per 1/256 of the milestones
 *   ops/<id>.json      one entity's operations, folded state and work timeline (read by report)
 * Each record holds its tip, whether the history has a merge commit, and the conflict policy it
 * was folded with (which only matters where there are merges). This module only reads and writes
 * the files: a file that is missing, does not parse, or was written by another version reads as
 * empty (its entities are rebuilt by the caller, core/history/); writes are atomic and best effort,
 * so two processes writing at once leave one whole file whose records are each right for their tip.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Remaining, Timeline } from '../../domain/history/timeline';
import { OPS } from '../../domain/ops/registry';
import type { MilestoneSummary } from '../../domain/summary';
import type { ConflictPolicy, MilestoneState, StoredOperation } from '../../domain/types';
import { isPlainObject } from '../../domain/values';
import { writeFileAtomic } from '../../env/atomicWrite';
import type { Oid } from '../../storage/ports';
import { INDEX_VERSION } from '../shared/indexVersion';

/** Bump when a record's shape changes; the summary's shape and the release are folded in. */
export const HISTORY_CACHE_VERSION = `h1-i${INDEX_VERSION}-${OPS.release}`;

export interface RecordKey {
  tip: Oid;
  /** Whether the history holds a merge commit (then `policy` must be this clone's). */
  merged: boolean;
  policy: ConflictPolicy;
}

export interface SummaryRecord extends RecordKey {
  timeline: Timeline<MilestoneSummary | null>;
}

export interface OpsRecord extends RecordKey {
  ops: StoredOperation[];
  state: MilestoneState;
  work: Timeline<Remaining | null>;
}

export class HistoryCache {
  constructor(private readonly dir: string) {}

  /** The summary records of one shard (id → record); empty when the file is missing or damaged. */
  readSummaries(shard: string): Map<string, SummaryRecord> {
    const file = this.readJson(path.join(this.dir, 'summaries', `${shard}.json`));
    const out = new Map<string, SummaryRecord>();
    if (!file || !isPlainObject(file.entities)) return out;
    for (const [id, r] of Object.entries(file.entities)) {
      if (isKey(r) && Array.isArray(r.timeline)) out.set(id, r as unknown as SummaryRecord);
    }
    return out;
  }

  writeSummaries(shard: string, records: Map<string, SummaryRecord>): void {
    const entities = Object.fromEntries(records);
    const file = path.join(this.dir, 'summaries', `${shard}.json`);
    this.write(file, { version: HISTORY_CACHE_VERSION, entities });
  }

  /** One entity's operations record, or null when missing or damaged. */
  readOps(id: string): OpsRecord | null {
    const r = this.readJson(path.join(this.dir, 'ops', `${id}.json`));
    if (!r || !isKey(r) || !Array.isArray(r.ops) || !isPlainObject(r.state)) return null;
    if (!Array.isArray(r.work)) return null;
    const { tip, merged, policy, ops, state, work } = r as unknown as OpsRecord;
    return { tip, merged, policy, ops, state, work };
  }

  writeOps(id: string, record: OpsRecord): void {
    this.write(path.join(this.dir, 'ops', `${id}.json`), { version: HISTORY_CACHE_VERSION, ...record });
  }

  private readJson(file: string): Record<string, unknown> | null {
    try {
      const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return isPlainObject(v) && v.version === HISTORY_CACHE_VERSION ? v : null;
    } catch {
      return null;
    }
  }

  private write(file: string, value: unknown): void {
    try {
      writeFileAtomic(file, JSON.stringify(value), { mkdir: true });
    } catch {
      /* a cache: the next read builds it again */
    }
  }
}

function isKey(r: unknown): r is Record<string, unknown> {
  if (!isPlainObject(r) || typeof r.tip !== 'string') return false;
  return typeof r.merged === 'boolean' && typeof r.policy === 'string';
}
