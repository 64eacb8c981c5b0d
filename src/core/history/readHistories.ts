/**
 * The validated operation histories of milestones (all of them, or those named), read from git in
 * shared batched rounds through the engine (EntityStore.historyMany): the truth the history cache
 * (historyRecords.ts, summaryTimelines.ts) is derived from. A history holding a merge commit is
 * folded with this clone's `coordination.conflict_resolution` (loaded only then). As list does, a
 * milestone that cannot be read is named in a warning, never skipped silently.
 */
import { fold } from '../../domain/fold';
import type { ReportSource } from '../../domain/report/types';
import type { ConflictPolicy } from '../../domain/types';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';

const CHUNK = 2000;

export interface HistorySource extends ReportSource {
  tip: Oid;
  merged: boolean;
  /** The policy `state` was folded with ('merge' when there is no merge, where it cannot matter). */
  policy: ConflictPolicy;
}

/** This clone's conflict policy, loaded (settings) at most once, and only when asked. */
export type PolicyOf = () => Promise<ConflictPolicy>;

export function lazyPolicy(ctx: Context): PolicyOf {
  let p: Promise<ConflictPolicy> | undefined;
  // The settings loader is imported only when a history has a merge (≈5–12 ms of module loading).
  return () => (p ??= import('../sync/conflictPolicy').then((m) => m.conflictPolicy(ctx)));
}

/** `tips`: id → tip (default: every milestone); `strict`: a failure throws instead of warning. */
export async function readHistories(
  ctx: Context, tips: Map<string, Oid>, policy: PolicyOf, strict = false,
): Promise<HistorySource[]> {
  const entries = [...tips];
  const out: HistorySource[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    for (const [id, h] of await ctx.milestones.historyMany(new Map(entries.slice(i, i + CHUNK)))) {
      if (h instanceof Error) {
        if (strict) throw h;
        ctx.env.err(`warning: skipping milestone ${id.slice(0, 8)}: ${h.message}\n`);
        continue;
      }
      const merged = h.commits.some((c) => c.parents.length > 1);
      const p = merged ? await policy() : 'merge';
      const state = p === 'merge' ? h.state : fold(h.ops, { policy: p });
      out.push({ id, tip: h.tip, ops: h.ops, state, merged, policy: p });
    }
  }
  return out;
}
