/**
 * Which milestones a pull (or a push that had to merge first) left with more conflicts than
 * before: concurrent edits of one field that arrived from another clone. Counted from the index
 * rows, which already carry `conflictCount`, so it costs a freshness check and the parse of the
 * few rows that have conflicts at all.
 */
import type { ListRow } from '../../index/MilestoneIndex';
import type { Context } from '../context';

export interface NewConflicts {
  id: string;
  shortId: string;
  title: string;
  /** Conflicts the milestone holds now. */
  conflicts: number;
  /** How many of them arrived with this pull. */
  added: number;
}

type Counts = Map<string, { title: string; conflicts: number }>;

const NONE = Buffer.from('"conflictCount":0,');

function hasNone(r: ListRow): boolean {
  const at = r.body.indexOf(NONE, r.start);
  return at !== -1 && at < r.end;
}

/** Milestone id → conflict count, for the milestones that have any. */
export async function conflictCounts(ctx: Context): Promise<Counts> {
  const out: Counts = new Map();
  for (const r of await ctx.index.rows()) {
    if (hasNone(r)) continue;
    const s = JSON.parse(r.body.toString('utf8', r.start, r.end)) as { title: string; conflictCount: number };
    if (s.conflictCount > 0) out.set(r.id, { title: s.title, conflicts: s.conflictCount });
  }
  return out;
}

/** The milestones whose conflict count rose between two conflictCounts, in the order of `after`. */
export function conflictsAdded(before: Counts, after: Counts): NewConflicts[] {
  const out: NewConflicts[] = [];
  for (const [id, now] of after) {
    const added = now.conflicts - (before.get(id)?.conflicts ?? 0);
    if (added > 0) {
      out.push({ id, shortId: id.slice(0, 8), title: now.title, conflicts: now.conflicts, added });
    }
  }
  return out;
}
