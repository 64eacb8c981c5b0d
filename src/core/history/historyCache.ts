/** The history cache of a context's repository (index/history/historyCache.ts); when a record is stale. */
import * as path from 'node:path';
import { HistoryCache, type RecordKey } from '../../index/history/historyCache';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import type { PolicyOf } from './readHistories';

export function historyCache(ctx: Context): HistoryCache {
  return new HistoryCache(path.join(ctx.dataDir, 'history'));
}

/**
 * Whether a record is stale: built from another tip, or (only when its history has a merge, so
 * settings are loaded only then) with a policy other than this clone's.
 */
export function stale(
  r: RecordKey | null | undefined, tip: Oid | undefined, policy: PolicyOf,
): boolean | Promise<boolean> {
  if (!r || r.tip !== tip) return true;
  return r.merged ? policy().then((p) => p !== r.policy) : false;
}
