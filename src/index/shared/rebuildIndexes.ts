/**
 * Rebuilds several caches from one read of every entity: `rebuild` with no backend named replaces
 * the file index and the SQLite index, and reading the refs' objects is most of the work, so it is
 * done once. With a build that needs history (a database), the state and the operations of every
 * entity come from readEntities' batched reads; otherwise the tip snapshots alone, in chunks so
 * memory stays bounded. Each build is then committed at the refs fingerprint the reads began at.
 */
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { IndexBuild, RefreshReport } from '../MilestoneIndex';
import { readEntities } from '../model/readEntities';

/** Entities per batched read: small, so each chunk dies young (see readEntities.ts). */
const CHUNK = 100;

export async function rebuildIndexes(store: EntityStore<MilestoneState>, builds: IndexBuild[]): Promise<RefreshReport[]> {
  const refs = store.storage.refs;
  const prefix = refPrefix(store.def.kind);
  if (refs.compact) await refs.compact(prefix);
  const fp = await refs.fingerprint(prefix);
  const tips = await store.list();
  try {
    if (builds.some((b) => b.history)) {
      await readEntities<MilestoneState>(store.storage.objects, store.def.kind, tips, (id, r) => builds.forEach((b) => b.add(id, r)));
    } else {
      const ids = [...tips.keys()];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = new Map(ids.slice(i, i + CHUNK).map((id) => [id, tips.get(id) as string]));
        for (const [id, r] of await store.readMany(chunk)) {
          const read = 'error' in r ? { tip: r.tip, error: r.error } : { tip: r.tip, state: r.state, ops: [] };
          builds.forEach((b) => b.add(id, read));
        }
      }
    }
  } catch (e) {
    for (const b of builds) b.abort?.();
    throw e;
  }
  const reports: RefreshReport[] = [];
  for (const b of builds) reports.push(await b.commit(tips, fp.racy ? null : fp.token));
  return reports;
}
