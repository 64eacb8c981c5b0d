/**
 * The one way a claim changes: build the operations on the claim's current tip and publish the
 * new commit by compare-and-swap. Locally that is the ref's `.lock` CAS. With a claims remote it
 * is one atomic `git push --force-with-lease=<ref>:<tip we know>` to the remote, the authority
 * shared by every machine: a rejected push means another writer moved the claim first, so the
 * claim ref is fetched and the operations are built again on what won (which usually reports the
 * new holder). Then the remote-tracking and the local ref are set to the published tip.
 */
import type { ClaimOpDraft, ClaimState } from '../../domain/claim/claimState';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import { checkRemoteName, trackingPrefix } from '../sync/remoteLayout';
import { CLAIM_KIND, claimStore } from './claimEntity';

const LOCAL_ATTEMPTS = 20;
const REMOTE_ATTEMPTS = 5;
/** Refusals that stale knowledge of the remote's claim can cause. */
const REFUSALS = ['CLAIMED', 'NOT_HOLDER', 'LEASE_LOST', 'NOT_FOUND'];

export interface PublishOptions {
  task: string;
  /** The claims remote, or null for a local claim. */
  remote: string | null;
  /** The operations for the current state (null: never claimed); may throw (CLAIMED, LEASE_LOST). */
  build(state: ClaimState | null): ClaimOpDraft[];
}

export function claimTrackingRef(remote: string, task: string): string {
  return `${trackingPrefix(remote)}${CLAIM_KIND}/${task}`;
}

export async function publishClaim(ctx: Context, o: PublishOptions): Promise<ClaimState | null> {
  return o.remote === null ? publishLocal(ctx, o) : publishRemote(ctx, o, checkRemoteName(o.remote));
}

async function publishLocal(ctx: Context, o: PublishOptions): Promise<ClaimState | null> {
  const store = claimStore(ctx);
  for (let attempt = 1; ; attempt++) {
    const base = await ctx.storage.refs.read(store.ref(o.task));
    const written = await store.commitOn(o.task, base, ctx.who(), o.build);
    if (!written || written.ops.length === 0) return written?.state ?? null;
    try {
      await ctx.storage.refs.cas(written.ref, base, written.tip);
      return written.state;
    } catch (e) {
      if (!(e instanceof MilestoneError) || e.code !== 'STALE_REF' || attempt >= LOCAL_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * attempt)));
    }
  }
}

async function publishRemote(ctx: Context, o: PublishOptions, remote: string): Promise<ClaimState | null> {
  const store = claimStore(ctx);
  const tracking = claimTrackingRef(remote, o.task);
  let fetched = false;
  for (let attempt = 1; attempt <= REMOTE_ATTEMPTS; attempt++) {
    const base = await ctx.storage.refs.read(tracking);
    let written;
    try {
      written = await store.commitOn(o.task, base, ctx.who(), o.build);
    } catch (e) {
      // Refused on what this clone last knew of the remote: look at the remote itself once.
      if (fetched || !(e instanceof MilestoneError) || !REFUSALS.includes(e.code)) throw e;
      fetchClaim(ctx, remote, o.task);
      fetched = true;
      continue;
    }
    if (!written || written.ops.length === 0) return written?.state ?? null;
    if (ctx.git.pushIfUnchanged(remote, written.ref, written.tip, base) === 'ok') {
      await setRef(ctx, tracking, written.tip);
      await setRef(ctx, written.ref, written.tip);
      ctx.env.log.info('claim published', { remote, task: o.task, tip: written.tip, attempt });
      return written.state;
    }
    fetchClaim(ctx, remote, o.task);
    fetched = true;
  }
  throw new MilestoneError('CONFLICT', `the claim of task ${o.task.slice(0, 8)} on ${remote} kept moving under other writers`, {
    hint: 'Nothing was claimed. Try again in a moment.',
    data: { task: o.task, remote },
  });
}

/** Brings the remote's claim of `task` into its remote-tracking ref (a pattern: absent is no error). */
export function fetchClaim(ctx: Context, remote: string, task: string): void {
  const ref = `refs/milestones/${CLAIM_KIND}/${task}`;
  ctx.git.fetch(remote, [`+${ref}*:${claimTrackingRef(remote, task)}*`], {
    hint: `Check that \`git fetch ${remote}\` works (network, credentials).`,
  });
}

/** Points a ref at `oid` whatever it held (the remote is the authority for claims). */
export async function setRef(ctx: Context, ref: string, oid: Oid): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await ctx.storage.refs.read(ref);
    if (current === oid) return;
    try {
      await ctx.storage.refs.cas(ref, current, oid);
      return;
    } catch (e) {
      if (!(e instanceof MilestoneError) || e.code !== 'STALE_REF' || attempt >= LOCAL_ATTEMPTS) throw e;
    }
  }
}
