/**
 * Milestones' operations, folded state and work timeline, as `report` and `show --as-of` read them:
 * from the history cache when its record was built from the current tip (and policy), otherwise
 * read from git (readHistories.ts), derived (domain/history/timeline.ts) and stored for next time.
 */
import { workTimeline } from '../../domain/history/timeline';
import type { ReportSource } from '../../domain/report/types';
import type { ConflictPolicy } from '../../domain/types';
import type { OpsRecord } from '../../index/history/historyCache';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import { historyCache, stale as isStale } from './historyCache';
import { lazyPolicy, readHistories, type HistorySource } from './readHistories';

export interface HistoryRecord extends ReportSource {
  policy: ConflictPolicy;
}

/** The records of `ids` (default: every milestone); a named one that cannot be read throws. */
export async function historyRecords(ctx: Context, ids?: readonly string[]): Promise<HistoryRecord[]> {
  const tips = ids === undefined ? await ctx.milestones.list() : await tipsOf(ctx, ids);
  const cache = historyCache(ctx);
  const policy = lazyPolicy(ctx);
  const found = new Map<string, HistoryRecord>();
  const stale = new Map<string, Oid>();
  for (const [id, tip] of tips) {
    const r = cache.readOps(id);
    if (r && !(await isStale(r, tip, policy))) found.set(id, { id, ...r });
    else stale.set(id, tip);
  }
  for (const h of stale.size > 0 ? await readHistories(ctx, stale, policy, ids !== undefined) : []) {
    const r = recordOf(h);
    cache.writeOps(h.id, r);
    found.set(h.id, { id: h.id, ...r });
  }
  return [...tips.keys()].filter((id) => found.has(id)).map((id) => found.get(id) as HistoryRecord);
}

function recordOf(h: HistorySource): OpsRecord {
  const { tip, merged, policy, ops, state } = h;
  return { tip, merged, policy, ops: [...ops], state, work: workTimeline(ops, { policy }) };
}

async function tipsOf(ctx: Context, ids: readonly string[]): Promise<Map<string, Oid>> {
  const out = new Map<string, Oid>();
  for (const id of ids) {
    const tip = await ctx.storage.refs.read(ctx.milestones.ref(id));
    if (tip !== null) out.set(id, tip);
  }
  return out;
}
