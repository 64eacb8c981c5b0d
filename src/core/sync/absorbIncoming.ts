/**
 * Folds other clones' tips into the local refs: remote-tracking milestone refs (after
 * `git milestone pull`, or after a plain `git fetch` once `remote setup` added the refspecs) and
 * their notes. Each entity is created, fast-forwarded or merged (EntityStore.mergeMany). Each
 * remote's notes are merged with cat_sort_uniq. Local refs only ever move forward: nothing local
 * is lost, and a remote entity that cannot be merged (damaged, forged) is reported and left out.
 * Every kind this release knows (core/entityKinds.ts) merges the same way; the counts are the
 * milestones', the errors every kind's. Other kinds stay in the tracking refs (restore carries them).
 */
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import type { MergeOutcome } from '../../storage/entity/mergeMany';
import type { Oid } from '../../storage/ports';
import { absorbClaims } from '../claim/absorbClaims';
import type { Context } from '../context';
import { entityStores, isKnownKind } from '../entityKinds';
import { mergeNotes, type NotesOutcome } from './notesMerge';
import { NOTES_TRACKING_ROOT, notesTrackingRef, trackingPrefix } from './remoteLayout';

export interface MergeCounts {
  created: number;
  fastForwarded: number;
  merged: number;
  upToDate: number;
  /** Entities not merged; `code` is the MilestoneError code (CORRUPT_ENTITY for a damaged side). */
  errors: Array<{ id: string; message: string; code?: string }>;
}

export interface AbsorbReport extends MergeCounts {
  remotes: string[];
  /** Per remote: what happened to its notes. */
  notes: Record<string, NotesOutcome>;
}

const TRACKED = /^refs\/remotes\/(.+)\/milestones\/([a-z][a-z0-9-]*)\/([0-9a-f]{64})$/;
const NOTES_TRACKED = /^refs\/notes\/remotes\/(.+)\/milestones$/;

export const emptyCounts = (): MergeCounts => ({ created: 0, fastForwarded: 0, merged: 0, upToDate: 0, errors: [] });

export function countOutcomes(counts: MergeCounts, outcomes: Map<string, MergeOutcome>): MergeCounts {
  for (const [id, o] of outcomes) {
    if (o.kind === 'error') counts.errors.push({ id, message: o.error.message, code: (o.error as { code?: string }).code });
    else if (o.kind === 'created') counts.created++;
    else if (o.kind === 'fast-forward') counts.fastForwarded++;
    else if (o.kind === 'merged') counts.merged++;
    else counts.upToDate++;
  }
  return counts;
}

/** Kind → remote → (id → tip) of the remote-tracking refs (of one remote, or of all). */
export async function trackedByKind(ctx: Context, remote?: string): Promise<Map<string, Map<string, Map<string, Oid>>>> {
  const out = new Map<string, Map<string, Map<string, Oid>>>();
  for (const [ref, oid] of await ctx.storage.refs.list(remote ? trackingPrefix(remote) : 'refs/remotes/')) {
    const m = TRACKED.exec(ref);
    if (!m || (remote !== undefined && m[1] !== remote)) continue;
    const [, from, kind, id] = m;
    if (!out.has(kind)) out.set(kind, new Map());
    const byRemote = out.get(kind) as Map<string, Map<string, Oid>>;
    if (!byRemote.has(from)) byRemote.set(from, new Map());
    byRemote.get(from)?.set(id, oid);
  }
  return out;
}

/** Remote → (milestone id → tip) of the remote-tracking refs (of one remote, or of all). */
export async function trackingTips(ctx: Context, remote?: string): Promise<Map<string, Map<string, Oid>>> {
  return (await trackedByKind(ctx, remote)).get('milestone') ?? new Map();
}

async function notesRemotes(ctx: Context, remote?: string): Promise<string[]> {
  const refs = await ctx.storage.refs.list(remote ? notesTrackingRef(remote) : NOTES_TRACKING_ROOT);
  return [...refs.keys()].map((r) => NOTES_TRACKED.exec(r)?.[1]).filter((r): r is string => r !== undefined && (!remote || r === remote));
}

export async function absorbIncoming(ctx: Context, o: { remote?: string; store?: EntityStore<MilestoneState> } = {}): Promise<AbsorbReport> {
  const byKind = await trackedByKind(ctx, o.remote);
  const withNotes = await notesRemotes(ctx, o.remote);
  const fromRemotes = [...byKind.values()].flatMap((m) => [...m.keys()]);
  const report: AbsorbReport = { ...emptyCounts(), remotes: [...new Set([...fromRemotes, ...withNotes])].sort(), notes: {} };
  let stores: Map<string, EntityStore<unknown>> | undefined;
  for (const [kind, tips] of byKind) {
    if (!isKnownKind(kind)) continue;
    const locals = (await ctx.storage.refs.list(`refs/milestones/${kind}/`));
    for (const [remote, byId] of tips) {
      // Thousands of loose tracking refs (a fetch writes one file each) would make every later
      // command's fingerprint read a huge directory: pack them, as the index does with local refs.
      await ctx.storage.refs.compact?.(`${trackingPrefix(remote)}${kind}/`);
      const moved = new Map([...byId].filter(([id, tip]) => locals.get(`refs/milestones/${kind}/${id}`) !== tip));
      if (kind === 'milestone') report.upToDate += byId.size - moved.size;
      if (moved.size === 0) continue;
      stores ??= await entityStores(ctx); // settings are loaded only when something is to be merged
      const store = kind === 'milestone' && o.store ? o.store : (stores.get(kind) as EntityStore<unknown>);
      const outcomes = await store.mergeMany(moved);
      const before = report.errors.length;
      if (kind === 'milestone') countOutcomes(report, outcomes);
      else countOutcomes({ ...emptyCounts(), errors: report.errors }, outcomes);
      for (const e of report.errors.slice(before)) ctx.env.log.warn('remote entity not merged', { remote, kind, id: e.id, message: e.message });
    }
  }
  for (const remote of withNotes) report.notes[remote] = await mergeNotes(ctx, notesTrackingRef(remote));
  await absorbClaims(ctx, o.remote); // the remote's claims win (claim/absorbClaims.ts)
  if (report.created + report.fastForwarded + report.merged > 0) {
    ctx.env.log.info('merged incoming milestones', { remotes: report.remotes, created: report.created, fastForwarded: report.fastForwarded, merged: report.merged });
  }
  return report;
}
