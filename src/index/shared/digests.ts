/**
 * Per-shard digests of (id, tip) pairs. meta.json keeps the digest of every shard as last written;
 * the same digest computed from a ref listing says which shards are out of date, so after a write
 * (ours or native git's) only those shards are read again, never all of them.
 */
import { crypto } from '../../env/builtins';

export function shardKey(id: string): string {
  return id.slice(0, 2);
}

export function digestOf(pairs: Array<[string, string]>): string {
  const h = crypto().createHash('sha1');
  for (const [id, tip] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${id} ${tip}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Digest of every shard that has at least one entity. */
export function shardDigests(tips: Iterable<[string, string]>): Record<string, string> {
  const groups = new Map<string, Array<[string, string]>>();
  for (const [id, tip] of tips) {
    const k = shardKey(id);
    if (!groups.has(k)) groups.set(k, []);
    (groups.get(k) as Array<[string, string]>).push([id, tip]);
  }
  const out: Record<string, string> = {};
  for (const [k, pairs] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) out[k] = digestOf(pairs);
  return out;
}

/** Shards whose digest differs between two digest maps (either side may lack a shard). */
export function changedShards(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).sort();
}
