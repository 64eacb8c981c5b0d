/**
 * Plugs claims (domain/claim) into the entity engine: kind `claim`, one entity per task at the
 * deterministic ref refs/milestones/claim/<task id> (the creating `claim.take` names the task), so
 * two writers claiming one task meet in that ref's compare-and-swap, locally or on a remote.
 * Releases older than this one skip the unknown kind (list, index, doctor) and still carry it.
 */
import { applyClaimOps, checkClaimOp, validateClaimOp } from '../../domain/claim/claimOps';
import { CLAIM_TAKE, type ClaimState, type StoredClaimOp } from '../../domain/claim/claimState';
import { BASE_LEVEL, FORMAT_LEVELS, PACKAGE_VERSION, READ_LEVEL } from '../../domain/formatLevels';
import { EntityStore } from '../../storage/entity/EntityStore';
import type { EntityDefinition } from '../../storage/entity/types';
import type { Context } from '../context';

export const CLAIM_KIND = 'claim';

export const claimEntity: EntityDefinition<ClaimState> = {
  kind: CLAIM_KIND,
  createType: CLAIM_TAKE,
  idOf: (op) => String(op.task),
  check: (op) => checkClaimOp(op as StoredClaimOp),
  validate: (state, op) => validateClaimOp(state, op as StoredClaimOp),
  apply: (state, ops) => applyClaimOps(state, ops),
  clock: (state) => state.clock,
  describe(ops) {
    const first = ops[0] as StoredClaimOp;
    const who = typeof first.agent === 'string' ? ` by ${first.agent}` : '';
    return `${first.type} fencing ${String(first.fencing)}${who}\n\nWritten by git-milestone; the operations are in ops.json.\n`;
  },
  format: {
    level: READ_LEVEL,
    release: PACKAGE_VERSION,
    releaseOf: (level) => FORMAT_LEVELS[level] ?? PACKAGE_VERSION,
    levelOf: () => BASE_LEVEL,
  },
};

const stores = new WeakMap<Context, EntityStore<ClaimState>>();

/** The claim store on this context's repository. */
export function claimStore(ctx: Context): EntityStore<ClaimState> {
  let store = stores.get(ctx);
  if (!store) stores.set(ctx, (store = new EntityStore(ctx.storage, claimEntity)));
  return store;
}

/** The claim of a task, or null when it was never claimed here. */
export async function readClaim(ctx: Context, task: string): Promise<ClaimState | null> {
  const store = claimStore(ctx);
  const tip = await ctx.storage.refs.read(store.ref(task));
  return tip ? (await store.read(task)).state : null;
}
