/**
 * `git milestone review --pending|--mine`: every phase waiting for a review (or for the identity
 * running the command), answered from the index: only the rows whose summary holds a pending
 * review are parsed, so no entity is read; while the refs have not moved, from the few rows kept
 * in pending.cache, without opening the index. Each entry says whether a deliverable changed since
 * the submission (`stale`, from the work tree) and whether it waits for me.
 */
import type { PendingReview } from '../../domain/workflow/pending';
import { waitsFor } from '../../domain/workflow/pending';
import type { MilestoneSummary } from '../../domain/summary';
import { changedDeliverables } from '../../domain/workflow/staleness';
import type { ListRow } from '../../index/MilestoneIndex';
import type { Context } from '../context';
import { openBackendIndex, releaseIndex } from '../openBackendIndex';
import { currentBlobs } from './deliverables';
import { pendingToken, readPendingCache, writePendingCache, type PendingRow } from './pendingCache';

export interface PendingEntry extends PendingReview {
  milestoneId: string;
  milestoneTitle: string;
  mine: boolean;
  /** Deliverables whose content changed since the submission. */
  changed: string[];
  stale: boolean;
}

const KEY = Buffer.from('"pendingReviews":');

/** Does the pre-rendered row hold a non-empty pendingReviews array? (No JSON parse.) */
export function hasPending(r: ListRow): boolean {
  const at = r.body.indexOf(KEY, r.start);
  if (at < 0 || at >= r.end) return true;
  let i = at + KEY.length;
  while (i < r.end && r.body[i] !== 0x5b) i++;
  i++;
  while (i < r.end && (r.body[i] === 0x20 || r.body[i] === 0x0a || r.body[i] === 0x0d)) i++;
  return r.body[i] !== 0x5d;
}

/** The milestones with a phase waiting, from the index (only their rows are parsed). */
async function fromIndex(ctx: Context, backend: string | undefined): Promise<PendingRow[]> {
  const { index } = await openBackendIndex(ctx, backend);
  let rows: ListRow[];
  try {
    rows = (await index.rows()).filter(hasPending);
  } finally {
    await releaseIndex(ctx, index);
  }
  return rows.map((r) => {
    const s = JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary;
    return { id: s.id, title: s.title, pendingReviews: s.pendingReviews ?? [] };
  }).filter((s) => s.pendingReviews.length > 0);
}

/** From pending.cache while the refs have not moved (not with --backend, which asks that index). */
async function pendingRows(ctx: Context, backend: string | undefined): Promise<PendingRow[]> {
  const token = backend ? null : await pendingToken(ctx);
  const cached = token === null ? null : readPendingCache(ctx, token);
  if (cached) return cached;
  const rows = await fromIndex(ctx, backend);
  if (token !== null) writePendingCache(ctx, token, rows);
  return rows;
}

export async function pendingReviews(
  ctx: Context, o: { mine: boolean; backend?: string },
): Promise<PendingEntry[]> {
  const email = o.mine ? ctx.who().author.email : null;
  const out: PendingEntry[] = [];
  for (const s of await pendingRows(ctx, o.backend)) {
    for (const p of s.pendingReviews) {
      const mine = email !== null && waitsFor(p, email);
      if (email !== null && !mine) continue;
      out.push({ ...p, milestoneId: s.id, milestoneTitle: s.title, mine, changed: [], stale: false });
    }
  }
  const current = await currentBlobs(ctx, out.flatMap((e) => e.deliverables.map((d) => d.path)));
  for (const e of out) {
    e.changed = ctx.repo.workTree ? changedDeliverables(e.deliverables, current) : [];
    e.stale = e.changed.length > 0;
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}
