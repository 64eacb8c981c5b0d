/**
 * `git milestone restore FILE`: brings a backup bundle into this clone (any clone: the one it
 * came from, another, a fresh one). The bundle is verified, fetched into a private namespace
 * (refs/restore/<stamp>/...), and merged like fetched remote refs. New milestones are created,
 * ones behind are fast-forwarded, diverged ones get a merge commit, and notes are merged with
 * cat_sort_uniq. Then the namespace is deleted, and so are namespaces an interrupted restore left
 * behind (restoreLeftovers.ts). Nothing local is overwritten. Every kind this release knows
 * (core/entityKinds.ts: milestones, sessions) merges so; the counts are the milestones'. Entities of
 * kinds it does not know, and entities of a newer format level, are carried along untouched
 * (carryKinds.ts).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { countOutcomes, emptyCounts, type MergeCounts } from '../sync/absorbIncoming';
import { carryUnknownKinds, type CarryResult } from '../sync/carryKinds';
import { entityStores } from '../entityKinds';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { mergeNotes, type NotesOutcome } from '../sync/notesMerge';
import { NOTES_REF } from '../sync/remoteLayout';
import { clearRestoreLeftovers, deleteRefs, restoreNamespace } from './restoreLeftovers';
import { verifyBackup } from './verifyBackup';

export interface RestoreResult extends MergeCounts {
  file: string;
  notes: NotesOutcome;
  total: number;
  /** Refs of kinds this version does not know, carried along untouched. */
  otherKinds: CarryResult;
}

const ID_REF = /\/milestones\/([a-z][a-z0-9-]*)\/([0-9a-f]{64})$/;

export async function restoreMilestones(ctx: Context, o: { file: string }): Promise<RestoreResult> {
  const check = await verifyBackup(ctx, o);
  if (!check.ok) {
    throw new MilestoneError('INVALID_INPUT', `cannot restore ${check.file}: ${check.problems.join('; ')}`, {
      hint: 'Nothing was changed. `git milestone backup --verify FILE` checks a bundle.',
      data: { file: check.file },
    });
  }
  await clearRestoreLeftovers(ctx);
  const ns = restoreNamespace(ctx.env.clock().getTime());
  try {
    ctx.git.fetch(check.file, [`+refs/milestones/*:${ns}milestones/*`, `+${NOTES_REF}*:${ns}notes/milestones*`], { hint: 'Nothing local was changed.' });
    const stores = await entityStores(ctx);
    const byKind = new Map<string, Map<string, string>>();
    const others = new Map<string, string>();
    for (const [ref, oid] of await ctx.storage.refs.list(ns)) {
      const m = ID_REF.exec(ref);
      if (m && stores.has(m[1])) byKind.set(m[1], (byKind.get(m[1]) ?? new Map()).set(m[2], oid));
      else if (ref.startsWith(`${ns}milestones/`)) others.set(`refs/${ref.slice(ns.length)}`, oid);
    }
    const counts = emptyCounts();
    const newer: Array<{ ref: string; tip: string; error: MergeCounts['errors'][number] }> = [];
    for (const [kind, tips] of byKind) {
      const outcomes = await (stores.get(kind) as EntityStore<unknown>).mergeMany(tips);
      const into = kind === 'milestone' ? counts : { ...emptyCounts(), errors: counts.errors };
      const before = counts.errors.length;
      countOutcomes(into, outcomes);
      // Entities a newer release wrote cannot be merged here, but are kept as they are, like
      // unknown kinds: created when missing, fast-forwarded when behind.
      for (const e of counts.errors.slice(before)) {
        if (e.code === 'FORMAT_TOO_NEW') newer.push({ ref: `refs/milestones/${kind}/${e.id}`, tip: tips.get(e.id) as string, error: e });
      }
    }
    for (const n of newer) others.set(n.ref, n.tip);
    const otherKinds = await carryUnknownKinds(ctx, others);
    const dropped = new Set(newer.filter((n) => !otherKinds.diverged.includes(n.ref)).map((n) => n.error));
    counts.errors = counts.errors.filter((e) => !dropped.has(e));
    const notes = await mergeNotes(ctx, `${ns}notes/milestones`);
    const index = await ctx.index.refresh();
    ctx.env.log.info('restored', { file: check.file, created: counts.created, fastForwarded: counts.fastForwarded, merged: counts.merged });
    return { file: check.file, ...counts, notes, total: index.total, otherKinds };
  } finally {
    deleteRefs(ctx, [...(await ctx.storage.refs.list(ns)).keys()]);
  }
}
