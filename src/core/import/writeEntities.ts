/**
 * Writes planned entities whose refs do not exist yet, and never moves an existing one.
 *  - Few entities: through the engine's own primitives (writeCommit, then RefStore.cas(ref, null,
 *    tip)), no process spawned.
 *  - Many (BULK_THRESHOLD and up): one `git fast-import` writes every object into one pack on a
 *    scratch branch, then RefStore.createMany adds every ref that does not exist yet in one
 *    packed-refs write (refs that exist are reported as existing and left alone), and the scratch
 *    branch is deleted. createMany checks for existing refs under packed-refs.lock; a loose ref that
 *    native git creates in between wins over the packed line (ids are content hashes, so that can
 *    only be the same entity).
 * Both paths write byte-identical objects. An interruption leaves either no ref or whole entities.
 */
import { randomBytes } from 'node:crypto';
import { isMilestoneError, type MilestoneError } from '../../errors/MilestoneError';
import { toBulkCommits } from '../../storage/entity/bulkCommits';
import { refPrefix } from '../../storage/entity/layout';
import { writeCommit } from '../../storage/entity/writeCommit';
import type { BulkCommit } from '../../storage/ports';
import type { MilestoneState } from '../../domain/types';
import type { Context } from '../context';
import type { PlannedEntity } from './planEntity';

export const BULK_THRESHOLD = 50;
export const SCRATCH_PREFIX = 'refs/milestone-import/';

/** An entity to write: its id and ref are known; its commits are computed when it is written. */
export interface PendingEntity {
  id: string;
  ref: string;
  /** Throws a MilestoneError when the domain refuses the entity's operations. */
  build(): PlannedEntity;
}

export interface WriteReport {
  /** Entities written, by id: their tip and state (for the index). */
  created: Map<string, { tip: string; state: MilestoneState }>;
  /** Ids whose ref already existed (imported before, or by a concurrent import). */
  existing: Set<string>;
  /** Ids whose operations the domain refused, with why. */
  failed: Map<string, MilestoneError>;
}

export async function writeEntities(ctx: Context, pending: PendingEntity[], o: { bulk?: boolean; onProgress?: (done: number) => void } = {}): Promise<WriteReport> {
  const refs = await ctx.storage.refs.list(refPrefix(ctx.milestones.def.kind));
  const report: WriteReport = { created: new Map(), existing: new Set(pending.filter((p) => refs.has(p.ref)).map((p) => p.id)), failed: new Map() };
  const todo = pending.filter((p) => !refs.has(p.ref));
  if (o.bulk ?? todo.length >= BULK_THRESHOLD) await bulk(ctx, todo, report, o.onProgress);
  else await loose(ctx, todo, report, o.onProgress);
  return report;
}

/** Builds an entity, recording a refusal instead of throwing it. */
function tryBuild(p: PendingEntity, report: WriteReport): PlannedEntity | null {
  try {
    return p.build();
  } catch (e) {
    if (!isMilestoneError(e)) throw e;
    report.failed.set(p.id, e);
    return null;
  }
}

async function loose(ctx: Context, pending: PendingEntity[], report: WriteReport, onProgress?: (done: number) => void): Promise<void> {
  let done = 0;
  for (const p of pending) {
    const plan = tryBuild(p, report);
    let tip: string | null = null;
    for (const c of plan?.commits ?? []) {
      tip = await writeCommit({
        objects: ctx.storage.objects, parents: tip ? [tip] : [], pack: c.pack, snapshot: c.state,
        author: c.author, time: c.time, message: c.message,
      });
    }
    if (plan && tip) await publish(ctx, p, tip, plan.state, report);
    onProgress?.(++done);
  }
}

async function publish(ctx: Context, p: PendingEntity, tip: string, state: MilestoneState, report: WriteReport): Promise<void> {
  try {
    await ctx.storage.refs.cas(p.ref, null, tip);
    report.created.set(p.id, { tip, state });
  } catch (e) {
    if (!isMilestoneError(e) || e.code !== 'STALE_REF') throw e;
    report.existing.add(p.id);
  }
}

async function bulk(ctx: Context, pending: PendingEntity[], report: WriteReport, onProgress?: (done: number) => void): Promise<void> {
  if (pending.length === 0) return;
  await dropStaleScratch(ctx);
  const scratchRef = `${SCRATCH_PREFIX}${Math.floor(ctx.env.clock().getTime() / 1000)}-${randomBytes(4).toString('hex')}`;
  const written: Array<{ p: PendingEntity; state: MilestoneState }> = [];
  // Entities are built as git asks for more input, so building and git's packing overlap.
  function* histories(): Generator<BulkCommit[]> {
    let done = 0;
    for (const p of pending) {
      const plan = tryBuild(p, report);
      if (plan) {
        written.push({ p, state: plan.state });
        yield toBulkCommits(plan.commits);
      }
      onProgress?.(++done);
    }
  }
  try {
    const tips = await ctx.git.bulkWrite({ scratchRef, histories: histories() });
    const refs = ctx.storage.refs;
    if (!refs.createMany) {
      for (const [i, w] of written.entries()) await publish(ctx, w.p, tips[i], w.state, report);
      return;
    }
    const existing = new Set(await refs.createMany(new Map(written.map((w, i) => [w.p.ref, tips[i]]))));
    written.forEach(({ p, state }, i) => {
      if (existing.has(p.ref)) report.existing.add(p.id);
      else report.created.set(p.id, { tip: tips[i], state });
    });
  } finally {
    const left = await ctx.storage.refs.list(SCRATCH_PREFIX);
    if (left.has(scratchRef)) ctx.git.deleteRefs([scratchRef]);
  }
}

/** Scratch branches older than an hour belong to imports that were killed: remove them. */
async function dropStaleScratch(ctx: Context): Promise<void> {
  const cutoff = ctx.env.clock().getTime() / 1000 - 3600;
  const all = await ctx.storage.refs.list(SCRATCH_PREFIX);
  const stale = [...all.keys()].filter((r) => Number(r.slice(SCRATCH_PREFIX.length).split('-')[0]) < cutoff);
  ctx.git.deleteRefs(stale);
}
