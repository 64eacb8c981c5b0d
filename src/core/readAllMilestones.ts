/**
 * Current state of every live milestone (or just one), for commands that look inside tasks across
 * milestones. Snapshots come in three batched reads; a corrupt entity is skipped with a warning
 * rather than hiding all the others. A long-lived process (the MCP server: the store keeps its
 * reads) keeps the whole sorted answer while the refs fingerprint holds, as the indexes do: a call
 * then lists no refs and sorts nothing (a racy fingerprint is never trusted).
 */
import type { MilestoneState } from '../domain/types';
import { compareStrings } from '../domain/values';
import { refPrefix } from '../storage/entity/layout';
import type { Context } from './context';
import { readMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';

interface Kept {
  token: string;
  states: MilestoneState[];
  warnings: string[];
}

const kept = new WeakMap<object, Kept>();

export async function readAllMilestones(ctx: Context, only?: string): Promise<MilestoneState[]> {
  if (only !== undefined) return [await readMilestone(ctx, await resolveMilestone(ctx, only))];
  if (!ctx.milestones.keepsReads) return (await readAll(ctx)).states;
  const fp = await ctx.storage.refs.fingerprint(refPrefix('milestone'));
  const hit = kept.get(ctx.milestones);
  if (!fp.racy && hit?.token === fp.token) {
    for (const w of hit.warnings) ctx.env.err(w);
    return hit.states;
  }
  const read = await readAll(ctx);
  if (fp.racy) kept.delete(ctx.milestones);
  else kept.set(ctx.milestones, { token: fp.token, ...read });
  return read.states;
}

async function readAll(ctx: Context): Promise<{ states: MilestoneState[]; warnings: string[] }> {
  const warnings: string[] = [];
  const reads = await ctx.milestones.readMany(await ctx.milestones.list());
  const out: MilestoneState[] = [];
  for (const [id, r] of reads) {
    if ('error' in r) warnings.push(`warning: skipping milestone ${id.slice(0, 8)}: ${r.error.message}\n`);
    else if (!r.state.deleted) out.push(r.state);
  }
  for (const w of warnings) ctx.env.err(w);
  // Code-unit order (ISO times and hex ids sort alike by it), ≈20× cheaper than localeCompare at 10,000.
  return { states: out.sort((a, b) => compareStrings(a.created.at, b.created.at) || compareStrings(a.id, b.id)), warnings };
}
