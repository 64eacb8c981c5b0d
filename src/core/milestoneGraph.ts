/**
 * The part of the milestone dependency graph reachable from some milestones: id → the ids it
 * depends on, read breadth-first (one batched snapshot read per level), so an edit or a `show`
 * reads only the milestones on its paths. An entry that is an alias (a legacy `milestone-001`)
 * is resolved through the index; deleted, unknown and unreadable milestones hold nothing up and
 * are left out.
 */
import type { MilestoneState } from '../domain/types';
import { ID_PATTERN } from '../storage/entity/layout';
import type { Context } from './context';

export interface MilestoneGraph {
  edges: Map<string, string[]>;
  titles: Map<string, string>;
}

async function resolveEntry(ctx: Context, entry: string, known: Map<string, string>): Promise<string | null> {
  if (known.has(entry)) return entry;
  if (ID_PATTERN.test(entry)) return null;
  const hits = await ctx.index.findMilestones(entry);
  return hits.length === 1 && known.has(hits[0]) ? hits[0] : null;
}

export async function milestoneGraph(ctx: Context, start: string[]): Promise<MilestoneGraph> {
  const tips = await ctx.milestones.list();
  const graph: MilestoneGraph = { edges: new Map(), titles: new Map() };
  let level = [...new Set(start)].filter((id) => tips.has(id));
  const queued = new Set(level);
  while (level.length > 0) {
    const reads = await ctx.milestones.readMany(new Map(level.map((id) => [id, tips.get(id) as string])));
    const next: string[] = [];
    for (const [id, r] of reads) {
      if ('error' in r || r.state.deleted) continue;
      const state: MilestoneState = r.state;
      graph.titles.set(id, state.title);
      const deps: string[] = [];
      for (const entry of state.dependsOn) {
        const dep = await resolveEntry(ctx, entry, tips);
        if (dep === null || deps.includes(dep)) continue;
        deps.push(dep);
        if (!queued.has(dep)) {
          queued.add(dep);
          next.push(dep);
        }
      }
      graph.edges.set(id, deps);
    }
    level = next;
  }
  return graph;
}
