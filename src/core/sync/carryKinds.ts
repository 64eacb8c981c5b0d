/**
 * Entities of kinds this release does not know (a newer release's sessions, claims…), and
 * milestones of a newer format level, are carried along untouched wherever milestones travel in bulk: a restore creates each such ref that is
 * missing here and fast-forwards one this clone holds an ancestor of. A diverged one cannot be
 * merged without knowing its kind: the local ref stays as it is and the ref is reported.
 */
import { REF_ROOT } from '../../storage/entity/layout';
import { relateTips } from '../../storage/entity/relateTips';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';

export interface CarryResult {
  /** Local refs created or moved forward. */
  carried: string[];
  /** Local refs left alone because both sides moved. */
  diverged: string[];
}

/** `incoming`: local ref name (refs/milestones/<kind>/<id>) → the tip that arrived. */
export async function carryUnknownKinds(ctx: Context, incoming: Map<string, Oid>): Promise<CarryResult> {
  const result: CarryResult = { carried: [], diverged: [] };
  const pairs = new Map<string, { ref: string; local: Oid; other: Oid }>();
  for (const [ref, other] of incoming) {
    if (!ref.startsWith(REF_ROOT)) continue;
    const local = await ctx.storage.refs.read(ref);
    if (local === null) {
      await ctx.storage.refs.cas(ref, null, other);
      result.carried.push(ref);
    } else if (local !== other) pairs.set(ref, { ref, local, other });
  }
  for (const [ref, rel] of await relateTips(ctx.storage.objects, pairs)) {
    const pair = pairs.get(ref) as { local: Oid; other: Oid };
    if (rel === 'behind') {
      await ctx.storage.refs.cas(ref, pair.local, pair.other);
      result.carried.push(ref);
    } else if (rel === 'diverged' || rel instanceof Error) result.diverged.push(ref);
  }
  return result;
}
