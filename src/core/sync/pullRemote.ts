/**
 * `git milestone pull [remote]`: fetches the remote's milestone refs and notes into its
 * remote-tracking refs with native `git fetch` (explicit refspecs, so it works whether or not
 * `remote setup` ran). Then it merges them into the local refs (absorbIncoming.ts) and brings the
 * index up to date. Local refs only move forward, so a failed pull leaves local state as it was.
 * The result names the milestones that came out with new conflicts (newConflicts.ts).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { RefreshReport } from '../../index/MilestoneIndex';
import type { Context } from '../context';
import { absorbIncoming, type AbsorbReport } from './absorbIncoming';
import { rememberIncoming } from './incoming';
import { conflictCounts, conflictsAdded, type NewConflicts } from './newConflicts';
import { checkRemoteName, DEFAULT_REMOTE, fetchRefspecs } from './remoteLayout';
import { remoteNames } from './setupRemote';

export interface PullResult extends AbsorbReport {
  remote: string;
  /** Milestones known after the pull (from the index). */
  total: number;
  /** Milestones that hold more conflicts than before the pull (newConflicts.ts). */
  newConflicts: NewConflicts[];
}

export function requireRemote(ctx: Context, name: string | undefined): string {
  const remote = checkRemoteName(name ?? DEFAULT_REMOTE);
  if (!remoteNames(ctx).includes(remote)) {
    throw new MilestoneError('NOT_FOUND', `no remote named ${JSON.stringify(remote)}`, {
      hint: `Add it with \`git remote add ${remote} <url>\` (\`git remote -v\` lists the configured ones).`,
      data: { remote },
    });
  }
  return remote;
}

/** `git fetch` of the milestone refs and notes into the remote's tracking refs. */
export function fetchMilestones(ctx: Context, remote: string): void {
  ctx.git.fetch(remote, fetchRefspecs(remote), { hint: `Nothing local changed. Check that \`git fetch ${remote}\` works (network, credentials).` });
}

export async function pullRemote(ctx: Context, o: { remote?: string } = {}): Promise<PullResult> {
  const remote = requireRemote(ctx, o.remote);
  const before = await conflictCounts(ctx);
  fetchMilestones(ctx, remote);
  const report = await absorbIncoming(ctx, { remote });
  await rememberIncoming(ctx);
  const index: RefreshReport = await ctx.index.refresh();
  const newConflicts = conflictsAdded(before, await conflictCounts(ctx));
  ctx.env.log.info('pulled', {
    remote, created: report.created, fastForwarded: report.fastForwarded, merged: report.merged,
    errors: report.errors.length, newConflicts: newConflicts.length,
  });
  return { remote, ...report, total: index.total, newConflicts };
}
