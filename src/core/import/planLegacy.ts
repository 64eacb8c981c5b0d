/**
 * From a read legacy folder to entities to write: milestones whose legacy id is already an alias
 * are "existing" (imported before: nothing to do); the others are mapped and get their creating
 * operation, hence their id, at once. Their other operations are built and folded only when the
 * entity is written (writeEntities), so a bulk import builds while git packs; a milestone whose
 * operations the domain refuses is reported by file then, and the others go on.
 */
import type { Author } from '../../domain/types';
import { mapMilestone } from '../../legacy/mapMilestone';
import { createOp, legacyNonce, restOps } from '../../legacy/toOps';
import type { LegacyTree } from '../../legacy/types';
import { ID_PATTERN, refName } from '../../storage/entity/layout';
import { planEntity, type PlannedEntity } from './planEntity';
import type { RowPlan } from './result';

export interface LegacyPlan {
  rows: RowPlan[];
}

export function planLegacy(tree: LegacyTree, aliases: ReadonlyMap<string, string>, author: Author, onMapped?: (n: number) => void): LegacyPlan {
  const fresh = tree.milestones.filter((m) => !aliases.has(m.legacyId));
  const batch = new Set(fresh.map((m) => m.legacyId));
  const isKnown = (id: string): boolean => aliases.has(id) || batch.has(id) || ID_PATTERN.test(id);
  const ids = new Map(aliases);
  const rows: RowPlan[] = tree.milestones.filter((m) => aliases.has(m.legacyId)).map((m) => ({
    legacyId: m.legacyId, file: m.file, title: typeof m.doc.title === 'string' ? m.doc.title : m.legacyId,
    id: aliases.get(m.legacyId) as string, tasks: Array.isArray(m.doc.tasks) ? m.doc.tasks.length : 0, warnings: [], existing: true, pending: null,
  }));
  let n = 0;
  for (const m of fresh) {
    const mm = mapMilestone(m, isKnown);
    const nonce = legacyNonce(m.legacyId, m.contentHash);
    const create = createOp(mm, nonce, author);
    ids.set(m.legacyId, create.hash);
    // The rest waits until the entity is written: by then every id a dependency names is known.
    const build = (): PlannedEntity => planEntity(create, restOps(mm, nonce, author, (lid) => ids.get(lid) ?? lid), true);
    const pending = { id: create.hash, ref: refName('milestone', create.hash), build };
    rows.push({ legacyId: m.legacyId, file: m.file, title: mm.title, id: create.hash, tasks: mm.tasks.length, warnings: mm.warnings, existing: false, pending });
    onMapped?.(++n);
  }
  rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { rows };
}
