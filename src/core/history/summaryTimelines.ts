/**
 * Every milestone's summary timeline (domain/history/timeline.ts), for `list --as-of`: read from the
 * history cache's shards, checked against the refs (a record built from another tip, or with
 * another policy where there are merges, is stale), and only the stale or missing entities read
 * from git, folded and written back, shard by shard. A damaged shard reads as empty, so its
 * entities are rebuilt and the shard written whole again.
 */
import { summaryTimeline, type Timeline } from '../../domain/history/timeline';
import type { MilestoneSummary } from '../../domain/summary';
import type { SummaryRecord } from '../../index/history/historyCache';
import { shardKey } from '../../index/shared/digests';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import { historyCache, stale as isStale } from './historyCache';
import { lazyPolicy, readHistories } from './readHistories';

export type SummaryTimeline = Timeline<MilestoneSummary | null>;

/** id → timeline, in ref listing order; a milestone that cannot be read is warned about and left out. */
export async function summaryTimelines(ctx: Context): Promise<Map<string, SummaryTimeline>> {
  const tips = await ctx.milestones.list();
  const cache = historyCache(ctx);
  const policy = lazyPolicy(ctx);
  const shards = new Map<string, Map<string, SummaryRecord>>();
  const stale = new Map<string, Oid>();
  const dirty = new Set<string>();
  for (const [id, tip] of tips) {
    const key = shardKey(id);
    if (!shards.has(key)) shards.set(key, cache.readSummaries(key));
    const s = isStale(shards.get(key)?.get(id), tip, policy);
    if (s === true || (s !== false && (await s))) stale.set(id, tip);
  }
  for (const [key, records] of shards) {
    for (const id of records.keys()) {
      if (tips.has(id) && !stale.has(id)) continue;
      records.delete(id);
      dirty.add(key);
    }
  }
  for (const h of stale.size > 0 ? await readHistories(ctx, stale, policy) : []) {
    const key = shardKey(h.id);
    const timeline = summaryTimeline(h.ops, { policy: h.policy });
    const record = { tip: h.tip, merged: h.merged, policy: h.policy, timeline };
    shards.get(key)?.set(h.id, record);
    dirty.add(key);
  }
  for (const key of dirty) cache.writeSummaries(key, shards.get(key) as Map<string, SummaryRecord>);
  const out = new Map<string, SummaryTimeline>();
  for (const id of tips.keys()) {
    const r = shards.get(shardKey(id))?.get(id);
    if (r) out.set(id, r.timeline);
  }
  return out;
}
