/**
 * Brings other clones' tips (remote-tracking refs after a fetch, a restored bundle) into the local
 * refs of many entities at once. An entity new here gets its ref. One that is behind is
 * fast-forwarded, and one that diverged gets a merge commit (mergeEntity.ts). Whatever a ref is
 * about to point at is validated first (readHistories, in shared batched reads): a damaged or
 * forged entity from elsewhere is reported in its slot and never becomes a local ref. Ancestry for all of
 * them is decided in shared batched reads (relateTips.ts). New refs are created in one bulk write
 * when the ref store offers it (RefStore.createMany: straight into packed-refs). Every other ref
 * moves by compare-and-swap. If another writer got there first, that entity goes through the
 * store's single-entity merge, which re-reads and retries.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { Oid, Storage } from '../ports';
import { mergeTips } from './mergeEntity';
import { readHistories, type HistoryRequest } from './readHistory';
import { relateTips, type TipPair } from './relateTips';
import type { EntityDefinition } from './types';

export type MergeKind = 'created' | 'fast-forward' | 'merged' | 'up-to-date';

export type MergeOutcome = { kind: MergeKind; tip: Oid } | { kind: 'error'; error: Error };

export interface MergeManyOptions<S> {
  storage: Storage;
  def: EntityDefinition<S>;
  /** Id → local tip (null: no local ref). */
  locals: Map<string, Oid>;
  /** Id → the other clone's tip. */
  others: Map<string, Oid>;
  ref(id: string): string;
  /** The careful path for one entity (re-reads its ref; retries lost swaps). */
  mergeOne(id: string, other: Oid): Promise<MergeOutcome>;
}

const isStale = (e: unknown): boolean => e instanceof MilestoneError && e.code === 'STALE_REF';

type Swap = (id: string, expected: Oid | null, next: Oid, kind: MergeKind) => Promise<void>;

/** Creates the refs of entities new here: in bulk when possible, else one by one. */
async function createAll<S>(o: MergeManyOptions<S>, fresh: Map<string, Oid>, out: Map<string, MergeOutcome>, swap: Swap): Promise<void> {
  const bulk = o.storage.refs.createMany;
  if (!bulk || fresh.size < 2) {
    for (const [id, tip] of fresh) await swap(id, null, tip, 'created');
    return;
  }
  const idOf = new Map([...fresh.keys()].map((id) => [o.ref(id), id]));
  let skipped: string[];
  try {
    skipped = await bulk.call(o.storage.refs, new Map([...fresh].map(([id, tip]) => [o.ref(id), tip])));
  } catch {
    skipped = [...idOf.keys()]; // the packed-refs lock was busy: fall back to one ref at a time
  }
  const left = new Set(skipped.map((ref) => idOf.get(ref) as string));
  for (const [id, tip] of fresh) {
    if (left.has(id)) await swap(id, null, tip, 'created');
    else out.set(id, { kind: 'created', tip });
  }
}

const CHUNK = 2000;

/** The entities among `tips` whose history fails validation, with why; read CHUNK at a time. */
export async function invalidTips<S>(storage: Storage, def: EntityDefinition<S>, tips: HistoryRequest[]): Promise<Map<string, Error>> {
  const bad = new Map<string, Error>();
  for (let i = 0; i < tips.length; i += CHUNK) {
    for (const [id, r] of await readHistories(storage.objects, def, tips.slice(i, i + CHUNK))) if (r instanceof Error) bad.set(id, r);
  }
  return bad;
}

export async function mergeMany<S>(o: MergeManyOptions<S>): Promise<Map<string, MergeOutcome>> {
  const out = new Map<string, MergeOutcome>();
  const pairs = new Map<string, TipPair>();
  const swap = async (id: string, expected: Oid | null, next: Oid, kind: MergeKind): Promise<void> => {
    try {
      await o.storage.refs.cas(o.ref(id), expected, next);
      out.set(id, { kind, tip: next });
    } catch (e) {
      out.set(id, isStale(e) ? await o.mergeOne(id, o.others.get(id) as Oid) : { kind: 'error', error: e as Error });
    }
  };
  const fresh = new Map<string, Oid>();
  for (const [id, other] of o.others) {
    const local = o.locals.get(id);
    if (local === undefined) fresh.set(id, other);
    else if (local === other) out.set(id, { kind: 'up-to-date', tip: local });
    else pairs.set(id, { ref: o.ref(id), local, other });
  }
  for (const [id, error] of await invalidTips(o.storage, o.def, [...fresh].map(([id, tip]) => ({ id, ref: o.ref(id), tip })))) {
    out.set(id, { kind: 'error', error });
    fresh.delete(id);
  }
  await createAll(o, fresh, out, swap);
  const relations = await relateTips(o.storage.objects, pairs);
  const behind = [...relations].filter(([, rel]) => rel === 'behind').map(([id]) => ({ id, ref: o.ref(id), tip: (pairs.get(id) as TipPair).other }));
  for (const [id, error] of await invalidTips(o.storage, o.def, behind)) relations.set(id, error);
  for (const [id, rel] of relations) {
    const { local, other, ref } = pairs.get(id) as TipPair;
    if (rel instanceof Error) out.set(id, { kind: 'error', error: rel });
    else if (rel === 'same' || rel === 'contains') out.set(id, { kind: 'up-to-date', tip: local });
    else if (rel === 'behind') await swap(id, local, other, 'fast-forward');
    else {
      try {
        const merged = await mergeTips({ objects: o.storage.objects, def: o.def, ref, id, local, other });
        await swap(id, local, merged.tip, 'merged');
      } catch (e) {
        out.set(id, { kind: 'error', error: e as Error });
      }
    }
  }
  return out;
}
