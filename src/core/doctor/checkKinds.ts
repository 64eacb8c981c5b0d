/**
 * Doctor check of the entities of every kind besides milestones (core/entityKinds.ts: sessions):
 * each one's whole history is read and validated (EntityStore.history) and its stored snapshot
 * compared with the fold of its operations. A kind-specific check (milestones' aliases and
 * cycles) stays in checkEntities.ts. Read only; a newer release's entity is a warning.
 */
import { canonicalJson } from '../../domain/canonical';
import { ID_PATTERN } from '../../storage/entity/layout';
import { EntityStore } from '../../storage/entity/EntityStore';
import type { Context } from '../context';
import { OTHER_KINDS } from '../entityKinds';
import type { DoctorProblem } from './types';

const bad = (ref: string, message: string, severity: 'error' | 'warning' = 'error'): DoctorProblem => ({
  check: 'entities', severity, message: `${ref}: ${message}`, ref, fixable: false,
  hint: `Inspect it with \`git log --stat ${ref}\`; doctor never rewrites data refs. Other entities are unaffected.`,
});

/** Problems, and the number of sound entities of each kind. */
export async function checkOtherKinds(ctx: Context): Promise<{ problems: DoctorProblem[]; kinds: Record<string, number> }> {
  const problems: DoctorProblem[] = [];
  const kinds: Record<string, number> = {};
  for (const def of OTHER_KINDS) {
    const store = new EntityStore(ctx.storage, def);
    kinds[def.kind] = 0;
    for (const id of (await store.list()).keys()) {
      const ref = store.ref(id);
      if (!ID_PATTERN.test(id)) {
        problems.push(bad(ref, `the name is not refs/milestones/${def.kind}/<64 hex digits>`));
        continue;
      }
      try {
        const h = await store.history(id);
        const tip = await store.read(id);
        kinds[def.kind]++;
        if (canonicalJson(tip.state) !== canonicalJson(h.state)) {
          problems.push(bad(ref, 'the stored snapshot differs from the fold of its operations; the next merge refolds it', 'warning'));
        }
      } catch (e) {
        const newer = (e as { code?: string }).code === 'FORMAT_TOO_NEW';
        problems.push(newer ? { ...bad(ref, (e as Error).message, 'warning'), hint: 'Upgrade git-milestone to read it; it is left alone.' }
          : bad(ref, (e as Error).message.replace(`${ref}: `, '')));
      }
    }
  }
  return { problems, kinds };
}
