/**
 * File layout of the file index under `<git-common-dir>/milestones/index/`:
 *   meta.json       {version, token, digests}: the refs fingerprint the shards were last verified
 *                   against, and a digest of each shard's (id, tip) pairs
 *   list.cache      pre-rendered list rows (listCache.ts)
 *   shards/xx.json  entities whose id starts with xx, plus task-id and alias lookups keyed the same
 *                   way, so one write rewrites one or two small files whatever the repository size.
 * Every file is written to a temp name and renamed, so a crash leaves the old or the new file,
 * never half of one. A file that fails to parse is damaged: a reader that meets a damaged or
 * missing shard repairs it (FileIndex: the shard's entities are read again, its lookups recovered
 * from the other shards' rows), so a lost file costs one slower read, never a wrong answer.
 */
import { crypto } from '../../env/builtins';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MilestoneSummary } from '../../domain/query';
import { INDEX_VERSION } from '../shared/indexVersion';
import { writeFileAtomic } from '../../env/atomicWrite';

export { INDEX_VERSION };

export interface EntityRow {
  tip: string;
  /** null when the entity could not be read (`error` says why); kept so digests still match. */
  summary: MilestoneSummary | null;
  error?: string;
  /** The entity's task ids as last written: their lookups are in place, so a write touches only new ones' shards. */
  taskIds?: string[];
}

export interface Shard {
  entities: Record<string, EntityRow>;
  tasks: Record<string, string>;
  aliases: Record<string, string>;
}

export interface Meta {
  version: number;
  /** Refs fingerprint the shards were last verified against (null: verify on next read). */
  token: string | null;
  /** Digest of each shard's (id, tip) pairs as written (see digests.ts). */
  digests: Record<string, string>;
  /** Milestones that could not be read, id → why (kept until they read again or go away). */
  unreadable?: Record<string, string>;
}

export const emptyShard = (): Shard => ({ entities: {}, tasks: {}, aliases: {} });

export function aliasShard(alias: string): string {
  return crypto().createHash('sha1').update(alias).digest('hex').slice(0, 2);
}

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value), { mkdir: true });
}

export function shardPath(dir: string, shard: string): string {
  return path.join(dir, 'shards', `${shard}.json`);
}

/** The shard as written, or null when its file is missing or damaged. */
export function loadShard(dir: string, shard: string): Shard | null {
  const s = readJson<Shard>(shardPath(dir, shard));
  return s && typeof s.entities === 'object' && typeof s.tasks === 'object' && typeof s.aliases === 'object' && s.entities && s.tasks && s.aliases ? s : null;
}

/** The shard as written, or an empty one (a writer's view: the digests catch what a damaged file lost). */
export function readShard(dir: string, shard: string): Shard {
  return loadShard(dir, shard) ?? emptyShard();
}

export function listShards(dir: string): string[] {
  try {
    return fs.readdirSync(path.join(dir, 'shards')).filter((f) => /^[0-9a-f]{2}\.json$/.test(f)).map((f) => f.slice(0, 2));
  } catch {
    return [];
  }
}

export function readMeta(dir: string): Meta {
  const m = readJson<Meta>(path.join(dir, 'meta.json'));
  return m && m.version === INDEX_VERSION && m.digests ? m : { version: INDEX_VERSION, token: null, digests: {} };
}

/** True when meta.json exists but was written by another INDEX_VERSION (its shards may hold another summary shape). */
export function indexOutdated(dir: string): boolean {
  const m = readJson<{ version?: unknown }>(path.join(dir, 'meta.json'));
  return m !== null && m.version !== INDEX_VERSION;
}

export function writeMeta(dir: string, meta: Meta): void {
  writeJsonAtomic(path.join(dir, 'meta.json'), meta);
}
