/**
 * Which milestones a pull (or a push that had to merge first) left with more conflicts than
 * before: concurrent edits of one field that arrived from another clone. Asked of the index as
 * `list --all has:conflicts` is, whose summaries carry `conflictCount`.
 */
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

/** Milestone id → conflict count, for the milestones that have any (archived ones too). */
export async function conflictCounts(ctx: Context): Promise<Counts> {
  const list = await ctx.index.list({ all: true, query: ['has:conflicts'] });
  return new Map(list.items.map((s) => [s.id, { title: s.title, conflicts: s.conflictCount }]));
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
