/**
 * The validated operation histories of milestones (all of them, or those named), read in shared
 * batched rounds through the engine (EntityStore.historyMany). As list does, a milestone that
 * cannot be read is named in a warning, never skipped silently.
 */
import type { ReportSource } from '../../domain/report/types';
import type { Context } from '../context';

const CHUNK = 2000;

export async function readHistories(ctx: Context, ids?: readonly string[]): Promise<ReportSource[]> {
  const all = await ctx.milestones.list();
  const tips = ids === undefined ? all : new Map(ids.filter((id) => all.has(id)).map((id) => [id, all.get(id) as string]));
  const entries = [...tips];
  const out: ReportSource[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    for (const [id, h] of await ctx.milestones.historyMany(new Map(entries.slice(i, i + CHUNK)))) {
      if (h instanceof Error) {
        if (ids !== undefined) throw h;
        ctx.env.err(`warning: skipping milestone ${id.slice(0, 8)}: ${h.message}\n`);
      } else out.push({ id, ops: h.ops, state: h.state });
    }
  }
  return out;
}
