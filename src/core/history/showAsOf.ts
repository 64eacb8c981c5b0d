/**
 * `git milestone show ID --as-of DATE`: one milestone as it stood then (its operations up to that
 * time, folded with this clone's policy), with the dependency cycle it lay on then, if any. The
 * operations come from the history cache when it holds them for the current tip (historyRecords.ts).
 */
import { findCycle } from '../../domain/graph';
import { foldAsOf } from '../../domain/history/asOf';
import type { MilestoneState } from '../../domain/types';
import { shortId } from '../../domain/values';
import { milestoneView } from '../../domain/views';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { resolveMilestone } from '../resolveMilestone';
import type { ShownMilestone } from '../showMilestone';
import { firstTime, parseAsOf, refuseBefore } from './asOfTime';
import { historyRecords } from './historyRecords';

export async function showAsOf(ctx: Context, o: { id: string; asOf: string }): Promise<ShownMilestone> {
  const at = parseAsOf(o.asOf);
  const id = await resolveMilestone(ctx, o.id);
  const [h] = await historyRecords(ctx, [id]);
  refuseBefore(at, firstTime(h.ops), o.asOf, `milestone ${shortId(id)}`);
  const state = foldAsOf(h.ops, at, { policy: h.policy });
  if (state === null || state.deleted) {
    throw new MilestoneError('NOT_FOUND', `milestone ${shortId(id)} was deleted by ${o.asOf}`, {
      hint: '`git milestone log <id>` shows when.',
      data: { id, asOf: o.asOf },
    });
  }
  return { ...milestoneView(state), dependencyCycle: await cycleThen(ctx, state, at) };
}

/** The milestone dependency edges as they stood at `at`, walked from `state`; the cycle through it. */
async function cycleThen(ctx: Context, state: MilestoneState, at: number): Promise<string[] | null> {
  if (state.dependsOn.length === 0) return null;
  const edges = new Map<string, string[]>([[state.id, state.dependsOn]]);
  let frontier = state.dependsOn.filter((d) => !edges.has(d));
  while (frontier.length > 0) {
    const read = await historyRecords(ctx, frontier);
    for (const d of frontier) edges.set(d, []);
    for (const h of read) {
      const then = foldAsOf(h.ops, at, { policy: h.policy });
      edges.set(h.id, then && !then.deleted ? then.dependsOn : []);
    }
    frontier = [...new Set(read.flatMap((h) => edges.get(h.id) ?? []))].filter((d) => !edges.has(d));
  }
  return findCycle(edges, state.id);
}
