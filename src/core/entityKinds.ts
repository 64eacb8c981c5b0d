/**
 * Every entity kind this release knows, for the code that handles entities in bulk whatever their
 * kind: pull and push merges (sync/absorbIncoming.ts), restore (backup/restoreMilestones.ts) and
 * doctor (doctor/checkEntities.ts). Milestones merge with this clone's conflict policy
 * (sync/conflictPolicy.ts); the other kinds have one definition each. A new kind adds one line to
 * OTHER_KINDS. Refs of a kind not listed here are carried along untouched (sync/carryKinds.ts).
 */
import type { EntityDefinition } from '../storage/entity/types';
import { EntityStore } from '../storage/entity/EntityStore';
import type { Context } from './context';
import { sessionEntity } from './sessionEntity';
import { mergingStore } from './sync/conflictPolicy';

/** Kinds besides milestones, one definition each. */
export const OTHER_KINDS: ReadonlyArray<EntityDefinition<unknown>> = [
  sessionEntity as EntityDefinition<unknown>,
];

export const KNOWN_KINDS: readonly string[] = ['milestone', ...OTHER_KINDS.map((d) => d.kind)];

export function isKnownKind(kind: string): boolean {
  return KNOWN_KINDS.includes(kind);
}

/** Kind → the store that reads and merges it (milestones with this clone's policy). */
export async function entityStores(ctx: Context): Promise<Map<string, EntityStore<unknown>>> {
  const stores = new Map<string, EntityStore<unknown>>([['milestone', (await mergingStore(ctx)) as EntityStore<unknown>]]);
  for (const def of OTHER_KINDS) stores.set(def.kind, new EntityStore(ctx.storage, def));
  return stores;
}
