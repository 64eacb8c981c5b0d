/**
 * Doctor check of the file index (`<common-dir>/milestones/index`) against the refs. It finds a
 * missing index, files that do not parse (meta.json, a shard, the list cache), and rows that
 * disagree with the refs while meta.json says they were verified. That last case is the one a
 * normal read would not heal by itself. Rows behind refs that moved since (a fetch, `git update-ref`)
 * are not a problem: the next read refreshes them. All of it is derived: --fix rebuilds it from the refs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readListCache } from '../../index/file/listCache';
import { INDEX_VERSION, listShards, shardPath, type Meta, type Shard } from '../../index/file/shardFiles';
import { refPrefix } from '../../storage/entity/layout';
import type { Context } from '../context';
import type { DoctorProblem } from './types';

const problem = (message: string, file?: string): DoctorProblem => ({
  check: 'index', severity: 'error', message, path: file, fixable: true,
  hint: 'The index is derived from the refs: `git milestone doctor --fix` (or `git milestone rebuild`) recreates it.',
});

function parse<T>(file: string): T | 'garbled' | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return 'garbled';
  }
}

export async function checkIndex(ctx: Context): Promise<DoctorProblem[]> {
  const dir = path.join(ctx.dataDir, 'index');
  const metaFile = path.join(dir, 'meta.json');
  const meta = parse<Meta>(metaFile);
  if (meta === null) return [problem('the index is missing (it is rebuilt on the next read; --fix does it now)', metaFile)];
  const problems: DoctorProblem[] = [];
  if (meta === 'garbled' || meta.version !== INDEX_VERSION || typeof meta.digests !== 'object') problems.push(problem('index/meta.json is unreadable', metaFile));
  const rows = new Map<string, string>();
  for (const s of listShards(dir)) {
    const shard = parse<Shard>(shardPath(dir, s));
    if (shard === 'garbled' || shard === null || typeof shard.entities !== 'object') problems.push(problem(`index shard ${s}.json is unreadable`, shardPath(dir, s)));
    else for (const [id, row] of Object.entries(shard.entities)) rows.set(id, row.tip);
  }
  const cacheFile = path.join(dir, 'list.cache');
  if (fs.existsSync(cacheFile) && readListCache(cacheFile) === null) problems.push(problem('index/list.cache is unreadable', cacheFile));
  if (problems.length > 0 || meta === 'garbled') return problems;
  const tips = await ctx.milestones.list();
  const verified = meta.token !== null && meta.token === (await ctx.storage.refs.fingerprint(refPrefix('milestone'))).token;
  if (!verified) return problems;
  const wrong = [...tips].filter(([id, tip]) => rows.get(id) !== tip).map(([id]) => id);
  const extra = [...rows.keys()].filter((id) => !tips.has(id));
  if (wrong.length + extra.length > 0) {
    problems.push(problem(`the index disagrees with the refs for ${wrong.length + extra.length} milestone(s) (e.g. ${[...wrong, ...extra][0].slice(0, 8)}) although marked up to date`, metaFile));
  }
  return problems;
}
