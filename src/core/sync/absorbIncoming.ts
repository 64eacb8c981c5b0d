/**
 * Folds other clones' tips into the local refs: remote-tracking milestone refs (after
 * `git milestone pull`, or after a plain `git fetch` once `remote setup` added the refspecs) and
 * their notes. Each entity is created, fast-forwarded or merged (EntityStore.mergeMany). Each
 * remote's notes are merged with cat_sort_uniq. Local refs only ever move forward: nothing local
 * is lost, and a remote entity that cannot be merged (damaged, forged) is reported and left out.
 */
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import type { MergeOutcome } from '../../storage/entity/mergeMany';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import { mergingStore } from './conflictPolicy';
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

const TRACKED = /^refs\/remotes\/(.+)\/milestones\/milestone\/([0-9a-f]{64})$/;
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

/** Remote → (milestone id → tip) of the remote-tracking refs (of one remote, or of all). */
export async function trackingTips(ctx: Context, remote?: string): Promise<Map<string, Map<string, Oid>>> {
  const out = new Map<string, Map<string, Oid>>();
  for (const [ref, oid] of await ctx.storage.refs.list(remote ? trackingPrefix(remote) : 'refs/remotes/')) {
    const m = TRACKED.exec(ref);
    if (!m || (remote !== undefined && m[1] !== remote)) continue;
    if (!out.has(m[1])) out.set(m[1], new Map());
    out.get(m[1])?.set(m[2], oid);
  }
  return out;
}

async function notesRemotes(ctx: Context, remote?: string): Promise<string[]> {
  const refs = await ctx.storage.refs.list(remote ? notesTrackingRef(remote) : NOTES_TRACKING_ROOT);
  return [...refs.keys()].map((r) => NOTES_TRACKED.exec(r)?.[1]).filter((r): r is string => r !== undefined && (!remote || r === remote));
}

export async function absorbIncoming(ctx: Context, o: { remote?: string; store?: EntityStore<MilestoneState> } = {}): Promise<AbsorbReport> {
  const tips = await trackingTips(ctx, o.remote);
  const withNotes = await notesRemotes(ctx, o.remote);
  const report: AbsorbReport = { ...emptyCounts(), remotes: [...new Set([...tips.keys(), ...withNotes])].sort(), notes: {} };
  const locals = tips.size > 0 ? await ctx.milestones.list() : new Map<string, Oid>();
  let store = o.store;
  for (const [remote, byId] of tips) {
    // Thousands of loose tracking refs (a fetch writes one file each) would make every later
    // command's fingerprint read a huge directory: pack them, as the index does with local refs.
    await ctx.storage.refs.compact?.(`${trackingPrefix(remote)}milestone/`);
    const moved = new Map([...byId].filter(([id, tip]) => locals.get(id) !== tip));
    report.upToDate += byId.size - moved.size;
    if (moved.size === 0) continue;
    store ??= await mergingStore(ctx); // settings are loaded only when something is to be merged
    const outcomes = await store.mergeMany(moved);
    const before = report.errors.length;
    countOutcomes(report, outcomes);
    for (const e of report.errors.slice(before)) ctx.env.log.warn('remote entity not merged', { remote, id: e.id, message: e.message });
  }
  for (const remote of withNotes) report.notes[remote] = await mergeNotes(ctx, notesTrackingRef(remote));
  if (report.created + report.fastForwarded + report.merged > 0) {
    ctx.env.log.info('merged incoming milestones', { remotes: report.remotes, created: report.created, fastForwarded: report.fastForwarded, merged: report.merged });
  }
  return report;
}
