/**
 * The two ways a use case touches a milestone: read its current state (refusing a deleted one),
 * or append operations to it (compare-and-swap in the engine) and keep the index and log current.
 * Every write also records what the workflow's policies have due (auto-approvals, phases sent
 * back for review: core/workflow/writePolicy.ts) ahead of its own operations, and retries the
 * webhook deliveries that are due (core/notify/retryDue.ts).
 * A writer that presents a fencing number is refused on a task whose claim moved on
 * (claim/checkFencing.ts).
 */
import type { MilestoneOpDraft } from '../domain/ops/constructors';
import type { MilestoneState } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';
import { checkFencing, presentedFencing } from './claim/checkFencing';
import type { Context } from './context';
import { retryDue } from './notify/retryDue';
import { loadWritePolicy } from './workflow/writePolicy';

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
  /** Hashes of the operations `build` returned (a task.add's hash is the new task's id). */
  hashes: string[];
  /** Hashes of the policy operations written ahead of them. */
  policyHashes: string[];
}

export async function writeMilestone(
  ctx: Context, id: string, build: (state: MilestoneState) => MilestoneOpDraft[],
): Promise<WriteResult> {
  if (presentedFencing(ctx) !== null) await checkFencing(ctx, touchedTasks(build(await readMilestone(ctx, id))));
  const policy = await loadWritePolicy(ctx, id);
  let policyCount = 0;
  const result = await ctx.milestones.append(id, ctx.who(), (state) => {
    if (state.deleted) throw new MilestoneError('NOT_FOUND', `milestone ${id.slice(0, 8)} was deleted`, { data: { id } });
    const own = build(state);
    const due = policy(state);
    policyCount = due.length;
    return [...due, ...own];
  });
  if (result.ops.length > 0) {
    await ctx.index.put(id, result.tip, result.state);
    ctx.env.log.info('milestone updated', { id, tip: result.tip, ops: result.ops.map((o) => o.op.type) });
    await retryDue(ctx); // webhook deliveries that failed earlier and are due again
  }
  const hashes = result.ops.map((o) => o.hash);
  return { state: result.state, hashes: hashes.slice(policyCount), policyHashes: hashes.slice(0, policyCount) };
}

/** Records the policy operations that are due on milestone `id` (if any); the state after them. */
export async function settlePolicy(ctx: Context, id: string): Promise<MilestoneState> {
  return (await writeMilestone(ctx, id, () => [])).state;
}

/** The tasks a batch of operations writes to (their fencing is checked: claim/checkFencing.ts). */
function touchedTasks(drafts: MilestoneOpDraft[]): string[] {
  return drafts.flatMap((d) => (typeof (d as { task?: unknown }).task === 'string' ? [(d as { task: string }).task] : []));
}
