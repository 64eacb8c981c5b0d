/**
 * File layout of the file index under `<git-common-dir>/milestones/index/`:
 *   meta.json       {version, token, digests}: the refs fingerprint the shards were last verified
 *                   against, and a digest of each shard's (id, tip) pairs
 *   list.cache      pre-rendered list rows (listCache.ts)
 *   shards/xx.json  entities whose id starts with xx, plus task-id and alias lookups keyed the same
 *                   way, so one write rewrites one or two small files whatever the repository size.
 * Every file is written to a temp name and renamed, so a crash leaves the old or the new file,
 * never half of one. A file that fails to parse is treated as missing (the cache is derived).
 */
import { crypto } from '../../env/builtins';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MilestoneSummary } from '../../domain/query';

/**
 * The file layout and the summary shape. Bump it whenever either changes (summary fields added,
 * renamed, rendered differently): an index written by another version is thrown away and rebuilt
 * from the refs on its next read (indexOutdated), and the SQLite index folds it into its own version.
 * test/unit/index/indexVersion.test.ts fails when the summary's keys change and this does not.
 */
export const INDEX_VERSION = 6;

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
}

export const emptyShard = (): Shard => ({ entities: {}, tasks: {}, aliases: {} });

/** Shard key of a hex id: its first two characters. Aliases hash first. */
export function shardOf(key: string): string {
  return /^[0-9a-f]{2}/.test(key) ? key.slice(0, 2) : aliasShard(key);
}

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
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, file);
}

export function shardPath(dir: string, shard: string): string {
  return path.join(dir, 'shards', `${shard}.json`);
}

export function readShard(dir: string, shard: string): Shard {
  const s = readJson<Shard>(shardPath(dir, shard));
  return s && s.entities && s.tasks && s.aliases ? s : emptyShard();
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
