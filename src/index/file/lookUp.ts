/**
 * Id-prefix lookups in the shards: a milestone by id prefix or alias, a task by id prefix. A
 * lookup reads only the shards the prefix can fall in (one for two or more hex digits, sixteen for
 * one), plus the alias's shard.
 */
import type { RefreshReport, TaskLocation } from '../MilestoneIndex';
import { damagedShards, repairShards } from './repairShards';
import { aliasShard, readShard, type Shard } from './shardFiles';

/** Brings the index up to date (FileIndex's sync); says whether anything was read or removed. */
export type Sync = () => Promise<{ report: RefreshReport }>;

export function shardsFor(prefix: string): string[] {
  if (!/^[0-9a-f]+$/.test(prefix)) return [];
  if (prefix.length >= 2) return [prefix.slice(0, 2)];
  return [...'0123456789abcdef'].map((c) => prefix + c);
}

export async function findMilestones(dir: string, sync: Sync, prefix: string): Promise<string[]> {
  return lookUp(dir, sync, [...shardsFor(prefix), aliasShard(prefix)], (shard) => {
    const hits = new Set<string>();
    const alias = shard(aliasShard(prefix)).aliases[prefix];
    if (alias) hits.add(alias);
    for (const s of shardsFor(prefix)) for (const id of Object.keys(shard(s).entities)) if (id.startsWith(prefix)) hits.add(id);
    return [...hits].sort();
  });
}

export async function findTasks(dir: string, sync: Sync, prefix: string): Promise<TaskLocation[]> {
  return lookUp(dir, sync, shardsFor(prefix), (shard) =>
    shardsFor(prefix)
      .flatMap((s) => Object.entries(shard(s).tasks))
      .filter(([taskId]) => taskId.startsWith(prefix))
      .map(([taskId, milestoneId]) => ({ taskId, milestoneId }))
      .sort((a, b) => (a.taskId < b.taskId ? -1 : 1)));
}

/**
 * A lookup in the shards it names: as they are; after a sync when it finds nothing (something
 * may have arrived behind our back); and when it still finds nothing while one of those shard
 * files is missing or damaged, after repairing them (a lost file is not "no such id").
 */
async function lookUp<T>(dir: string, sync: Sync, shards: string[], look: (shard: (s: string) => Shard) => T[]): Promise<T[]> {
  const read = () => look((s) => readShard(dir, s));
  const first = read();
  if (first.length > 0) return first;
  const { report } = await sync();
  const second = report.read > 0 || report.removed > 0 ? read() : first;
  if (second.length > 0) return second;
  const damaged = damagedShards(dir, shards);
  if (damaged.length === 0) return second;
  await repairShards(dir, damaged);
  await sync();
  return read();
}
