/**
 * Doctor check of every entity: its ref name, its whole commit graph and every operation
 * (EntityStore.history validates format version, one root holding the creating operation, no
 * operations in merges, rising Lamport times, well-formed operations), and whether the stored
 * snapshot equals the fold of its operations. It also finds aliases that two milestones claim.
 * Read only: a bad ref is reported with the command that shows it, and never changed.
 */
import { canonicalJson } from '../../domain/canonical';
import { conflictsOf } from '../../domain/conflicts';
import type { MilestoneState } from '../../domain/types';
import { ID_PATTERN, REF_ROOT, refPrefix } from '../../storage/entity/layout';
import type { Context } from '../context';
import { mergingStore } from '../sync/conflictPolicy';
import type { DoctorProblem, EntityCounts } from './types';

export interface EntityCheck {
  problems: DoctorProblem[];
  counts: EntityCounts;
}

const KNOWN_KINDS = ['milestone'];

const bad = (ref: string, message: string, severity: 'error' | 'warning' = 'error'): DoctorProblem => ({
  check: 'entities', severity, message: `${ref}: ${message}`, ref, fixable: false,
  hint: `Inspect it with \`git log --stat ${ref}\`; doctor never rewrites data refs. Other milestones are unaffected.`,
});

export async function checkEntities(ctx: Context): Promise<EntityCheck> {
  const problems: DoctorProblem[] = [];
  const counts: EntityCounts = { milestones: 0, tasks: 0, operations: 0, conflicts: 0 };
  const prefix = refPrefix('milestone');
  for (const ref of (await ctx.storage.refs.list(REF_ROOT)).keys()) {
    const kind = ref.slice(REF_ROOT.length).split('/')[0];
    if (!KNOWN_KINDS.includes(kind)) problems.push(bad(ref, `kind "${kind}" is unknown to this version (left alone)`, 'warning'));
    else if (!ID_PATTERN.test(ref.slice(prefix.length))) problems.push(bad(ref, 'the name is not refs/milestones/milestone/<64 hex digits>'));
  }
  const store = await mergingStore(ctx);
  const aliases = new Map<string, string[]>();
  for (const id of (await store.list()).keys()) {
    if (!ID_PATTERN.test(id)) continue;
    const ref = store.ref(id);
    try {
      const h = await store.history(id);
      const tip = await store.read(id);
      counts.milestones++;
      counts.operations += h.ops.length;
      counts.tasks += h.state.tasks.filter((t) => !t.deleted).length;
      counts.conflicts += conflictsOf(h.state).length;
      if (canonicalJson(tip.state) !== canonicalJson(h.state)) {
        problems.push(bad(ref, 'the stored snapshot differs from the fold of its operations (written with another coordination.conflict_resolution, or damaged); the next merge refolds it', 'warning'));
      }
      if (!h.state.deleted) for (const a of aliasesOf(h.state)) aliases.set(a, [...(aliases.get(a) ?? []), id]);
    } catch (e) {
      problems.push(bad(ref, (e as Error).message.replace(`${ref}: `, '')));
    }
  }
  for (const [alias, ids] of aliases) {
    if (ids.length < 2) continue;
    problems.push({
      check: 'aliases', severity: 'error', fixable: false,
      message: `alias ${JSON.stringify(alias)} is claimed by ${ids.length} milestones: ${ids.map((i) => i.slice(0, 8)).join(', ')}`,
      hint: 'The alias is ambiguous (`git milestone show <alias>` refuses it); refer to these milestones by id prefix.',
    });
  }
  return { problems, counts };
}

function aliasesOf(state: MilestoneState): string[] {
  return [...new Set(state.aliases)];
}
