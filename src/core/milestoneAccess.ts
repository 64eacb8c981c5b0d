/**
 * The two ways a use case touches a milestone: read its current state (refusing a deleted one),
 * or append operations to it (compare-and-swap in the engine) and keep the index and log current;
 * a write also retries the webhook deliveries that are due (core/notify/retryDue.ts).
 */
import type { MilestoneOpDraft } from '../domain/ops/constructors';
import type { MilestoneState } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { retryDue } from './notify/retryDue';

export async function readMilestone(ctx: Context, id: string, opts: { allowDeleted?: boolean } = {}): Promise<MilestoneState> {
  const { state } = await ctx.milestones.read(id);
  if (state.deleted && !opts.allowDeleted) {
    throw new MilestoneError('NOT_FOUND', `milestone ${id.slice(0, 8)} was deleted`, {
      hint: `\`git milestone log ${id.slice(0, 8)}\` shows its history.`,
      data: { id },
    });
  }
  return state;
}

/**
 * What a use case that may find nothing to do returns: the view, and `changed: false` when no
 * operation was written (archiving an archived milestone, a field set to its current value).
 */
export type Changed<V> = V & { changed: boolean };

export interface WriteResult {
  state: MilestoneState;
  /** Hashes of the operations written (a task.add's hash is the new task's id). */
  hashes: string[];
}

export async function writeMilestone(
  ctx: Context, id: string, build: (state: MilestoneState) => MilestoneOpDraft[],
): Promise<WriteResult> {
  const result = await ctx.milestones.append(id, ctx.who(), (state) => {
    if (state.deleted) throw new MilestoneError('NOT_FOUND', `milestone ${id.slice(0, 8)} was deleted`, { data: { id } });
    return build(state);
  });
  if (result.ops.length > 0) {
    await ctx.index.put(id, result.tip, result.state);
    ctx.env.log.info('milestone updated', { id, tip: result.tip, ops: result.ops.map((o) => o.op.type) });
    await retryDue(ctx); // webhook deliveries that failed earlier and are due again
  }
  return { state: result.state, hashes: result.ops.map((o) => o.hash) };
}
