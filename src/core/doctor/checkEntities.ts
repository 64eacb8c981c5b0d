/**
 * Doctor check of every entity: its ref name, its whole commit graph and every operation
 * (EntityStore.history validates format version, one root holding the creating operation, no
 * operations in merges, rising Lamport times, well-formed operations), and whether the stored
 * snapshot equals the fold of its operations. It also finds aliases that two milestones claim,
 * and dependency cycles that merges made (checkCycles.ts).
 * Read only: a bad ref is reported with the command that shows it, and never changed. Data a
 * newer release wrote (an entity kind this release does not know, or a milestone of a newer format
 * level) is a warning naming the release it needs, never an error: it is not damaged.
 */
import { CLAIM_KIND } from '../claim/claimEntity';
import { canonicalJson } from '../../domain/canonical';
import { conflictsOf } from '../../domain/conflicts';
import type { MilestoneState } from '../../domain/types';
import { ID_PATTERN, levelOfTree, REF_ROOT, refPrefix } from '../../storage/entity/layout';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import { mergingStore } from '../sync/conflictPolicy';
import { isKnownKind } from '../entityKinds';
import { CycleCheck } from './checkCycles';
import { checkOtherKinds } from './checkKinds';
import type { DoctorProblem, EntityCounts } from './types';

export interface EntityCheck {
  problems: DoctorProblem[];
  counts: EntityCounts;
}

const bad = (ref: string, message: string, severity: 'error' | 'warning' = 'error'): DoctorProblem => ({
  check: 'entities', severity, message: `${ref}: ${message}`, ref, fixable: false,
  hint: `Inspect it with \`git log --stat ${ref}\`; doctor never rewrites data refs. Other milestones are unaffected.`,
});

export async function checkEntities(ctx: Context): Promise<EntityCheck> {
  const problems: DoctorProblem[] = [];
  const counts: EntityCounts = { milestones: 0, tasks: 0, operations: 0, conflicts: 0 };
  const prefix = refPrefix('milestone');
  const unknown = new Map<string, Array<[string, Oid]>>();
  for (const [ref, oid] of await ctx.storage.refs.list(REF_ROOT)) {
    const kind = ref.slice(REF_ROOT.length).split('/')[0];
    if (kind === CLAIM_KIND) continue; // claims are not merged: checkClaims.ts
    if (!isKnownKind(kind)) unknown.set(kind, [...(unknown.get(kind) ?? []), [ref, oid]]);
    else if (kind === 'milestone' && !ID_PATTERN.test(ref.slice(prefix.length))) problems.push(bad(ref, 'the name is not refs/milestones/milestone/<64 hex digits>'));
  }
  for (const [kind, refs] of unknown) problems.push(await unknownKind(ctx, kind, refs));
  const store = await mergingStore(ctx);
  const aliases = new Map<string, string[]>();
  const cycles = new CycleCheck();
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
      cycles.add(h.state, ref);
    } catch (e) {
      const newer = (e as { code?: string }).code === 'FORMAT_TOO_NEW';
      problems.push(newer ? { ...bad(ref, (e as Error).message, 'warning'), hint: 'Upgrade git-milestone to read it; it is left alone.' }
        : bad(ref, (e as Error).message.replace(`${ref}: `, '')));
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
  problems.push(...cycles.finish());
  const others = await checkOtherKinds(ctx);
  problems.push(...others.problems);
  if (Object.values(others.kinds).some((n) => n > 0)) counts.kinds = others.kinds;
  return { problems, counts };
}

/** One note per unknown kind: how many entities, and the release that wrote them when marked. */
async function unknownKind(ctx: Context, kind: string, refs: Array<[string, Oid]>): Promise<DoctorProblem> {
  let release: string | null = null;
  try {
    const entries = await ctx.storage.objects.readTree((await ctx.storage.objects.readCommit(refs[0][1])).tree);
    release = levelOfTree(entries)?.release ?? null;
  } catch {
    // Unreadable: the note says less, nothing else changes.
  }
  const by = release ? `git-milestone ≥ ${release}` : 'a newer git-milestone';
  const n = refs.length;
  return {
    check: 'entities', severity: 'warning', fixable: false, ref: `${REF_ROOT}${kind}/`,
    message: `${n} ${kind} entit${n === 1 ? 'y' : 'ies'} under ${REF_ROOT}${kind}/, written by ${by}: skipped by this version (kept, pushed and backed up as they are)`,
    hint: 'Upgrade git-milestone to read them.',
  };
}

function aliasesOf(state: MilestoneState): string[] {
  return [...new Set(state.aliases)];
}
