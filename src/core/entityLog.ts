/**
 * `git milestone log [milestone]`: who changed what and when, read from the validated operation
 * history (newest first). Without an id, the histories of every milestone interleaved.
 */
import type { Context } from './context';
import { resolveMilestone } from './resolveMilestone';

export interface LogEntry {
  milestone: string;
  commit: string;
  time: string;
  author: { name: string; email: string };
  lamport: number;
  type: string;
  hash: string;
  payload: Record<string, unknown>;
}

export async function entityLog(ctx: Context, o: { id?: string; limit?: number }): Promise<LogEntry[]> {
  const ids = o.id !== undefined ? [await resolveMilestone(ctx, o.id)] : [...(await ctx.milestones.list()).keys()];
  const entries: LogEntry[] = [];
  for (const id of ids) {
    const h = await ctx.milestones.history(id);
    for (const c of h.commits) {
      for (const { hash, op } of c.ops) {
        const { type, author, time, lamport, ...payload } = op;
        entries.push({ milestone: id, commit: c.oid, time, author, lamport, type, hash, payload });
      }
    }
  }
  entries.sort((a, b) => b.time.localeCompare(a.time) || b.lamport - a.lamport || a.hash.localeCompare(b.hash));
  return o.limit !== undefined ? entries.slice(0, o.limit) : entries;
}
