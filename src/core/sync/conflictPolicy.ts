/**
 * The conflict policy of this clone (`coordination.conflict_resolution`) and an entity store that
 * merges with it. `merge` (the default) keeps concurrent values of a field as a conflict;
 * `last_writer_wins` keeps the one with the later wall-clock time. Every clone should use the
 * same setting (the shared settings file is the place for it), because a merge snapshot is
 * folded with the policy of the clone that writes it.
 *
 * Settings are loaded only here, when a merge is about to happen. An unreadable settings layer does
 * not stop a merge: it falls back to `merge` with a warning.
 */
import type { ConflictPolicy, MilestoneState } from '../../domain/types';
import { EntityStore } from '../../storage/entity/EntityStore';
import type { Context } from '../context';
import { loadSettings } from '../config/loadSettings';
import { milestoneEntityFor } from '../milestoneEntity';

const LWW = ['last_writer_wins', 'last-writer-wins', 'lww', 'last_write_wins', 'timestamp'];

/** Reads a setting's value as a policy: the last-writer spellings, else `merge`. */
export function policyOf(value: unknown): ConflictPolicy {
  return typeof value === 'string' && LWW.includes(value.trim().toLowerCase()) ? 'last_writer_wins' : 'merge';
}

export async function conflictPolicy(ctx: Context): Promise<ConflictPolicy> {
  try {
    return policyOf((await loadSettings(ctx)).values.coordination?.conflict_resolution);
  } catch (e) {
    ctx.env.err(`warning: cannot read coordination.conflict_resolution (${(e as Error).message}); merging with the default policy\n`);
    return 'merge';
  }
}

/** The milestone store, folding merges with this clone's policy. */
export async function mergingStore(ctx: Context): Promise<EntityStore<MilestoneState>> {
  const policy = await conflictPolicy(ctx);
  return policy === 'merge' ? ctx.milestones : new EntityStore(ctx.storage, milestoneEntityFor(policy));
}
