/**
 * `git milestone review --pending|--mine`: every phase waiting for a review (or for the identity
 * running the command), answered from the index: only the rows whose summary holds a pending
 * review are parsed, so no entity is read. Each entry says whether a deliverable changed since the
 * submission (`stale`, from the work tree) and whether it waits for me.
 */
import type { PendingReview } from '../../domain/workflow/pending';
import { waitsFor } from '../../domain/workflow/pending';
import type { MilestoneSummary } from '../../domain/summary';
import { changedDeliverables } from '../../domain/workflow/staleness';
import type { ListRow } from '../../index/MilestoneIndex';
import type { Context } from '../context';
import { openBackendIndex } from '../openBackendIndex';
import { currentBlobs } from './deliverables';

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

export async function pendingReviews(
  ctx: Context, o: { mine: boolean; backend?: string },
): Promise<PendingEntry[]> {
  const { index } = await openBackendIndex(ctx, o.backend);
  let rows: ListRow[];
  try {
    rows = (await index.rows()).filter(hasPending);
  } finally {
    if (index !== ctx.index) await index.close?.();
  }
  const email = o.mine ? ctx.who().author.email : null;
  const out: PendingEntry[] = [];
  for (const r of rows) {
    const s = JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary;
    for (const p of s.pendingReviews ?? []) {
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
