/**
 * A cheap change token for all refs under a prefix, so a cache can skip re-reading refs.
 *
 * Why directory mtimes are enough: every loose ref update (ours or git's) creates `<ref>.lock`
 * in the ref's directory and renames it over `<ref>`; creating, renaming and deleting entries
 * all change the directory's mtime. Packing (`git pack-refs`) rewrites packed-refs by rename,
 * which changes its inode, size or mtime. So hashing the mtimes of every directory under the
 * prefix plus packed-refs' stat gives a token that changes whenever a ref there may have.
 *
 * Why `racy`: mtimes have coarse granularity (the kernel's tick, not the clock's nanoseconds),
 * so two updates in quick succession can leave the same mtime. As with git's "racy git" index
 * entries, a token whose newest mtime is within RACY_MS of now cannot be trusted on its own.
 */
import type * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { changeToken } from '../../domain/changeToken';
import { RACY_MS, type PackedRefs } from './packedRefs';
import type { FsLike } from './types';

export interface RefFingerprintOptions {
  fs: FsLike;
  /** Directory the prefix maps to (see refNames.prefixDir). */
  dir: string;
  packed: PackedRefs;
  now?: () => number;
}

export function refFingerprint(o: RefFingerprintOptions): { token: string; racy: boolean } {
  const parts: string[] = [];
  const mtimes: number[] = [];
  walk(o.fs, o.dir, '.', parts, mtimes);
  const packed = o.packed.statKey();
  parts.push(`packed-refs ${packed.key}`);
  if (packed.mtimeMs !== null) mtimes.push(packed.mtimeMs);
  const now = (o.now ?? Date.now)();
  const racy = mtimes.some((m) => now - m < RACY_MS);
  return { token: changeToken(parts.join('\n')), racy };
}

function walk(fs: FsLike, dir: string, rel: string, parts: string[], mtimes: number[]): void {
  let st: nodeFs.BigIntStats;
  try {
    st = fs.statSync(dir, { bigint: true }) as nodeFs.BigIntStats;
  } catch {
    parts.push(`${rel} -`);
    return;
  }
  if (!st.isDirectory()) {
    parts.push(`${rel} not-a-dir`);
    return;
  }
  const ns = st.mtimeNs ?? BigInt(Math.round(Number(st.mtimeMs) * 1e6));
  parts.push(`${rel} ${ns} ${st.ino}`);
  mtimes.push(Number(ns / 1000000n));
  const entries = fs.readdirSync(dir, { withFileTypes: true }) as nodeFs.Dirent[];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.isDirectory()) walk(fs, path.join(dir, e.name), `${rel}/${e.name}`, parts, mtimes);
  }
}
