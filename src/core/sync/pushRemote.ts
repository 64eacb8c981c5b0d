/**
 * `git milestone push [remote]`: sends every milestone ref and the notes with native `git push`,
 * never forced. If the remote moved (another clone pushed first), git rejects those refs. The
 * push then fetches, merges (pullRemote.ts) and tries again, with jittered backoff, a bounded
 * number of times. When it gives up, nothing local is lost: merges only add. The error says to
 * run the sync again.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { gitFailed } from '../../errors/gitFailed';
import { fetchMilestones, requireRemote } from './pullRemote';
import { absorbIncoming } from './absorbIncoming';
import { conflictCounts, conflictsAdded, type NewConflicts } from './newConflicts';
import { PUSH_REFSPECS } from './remoteLayout';

export const PUSH_ATTEMPTS = 5;

export interface PushResult {
  remote: string;
  /** Refs the remote accepted (new or moved). */
  pushed: string[];
  upToDate: number;
  /** Pushes tried; more than one means the remote moved and was merged in between. */
  attempts: number;
  /** Milestones that the merge in between left with more conflicts (newConflicts.ts). */
  newConflicts: NewConflicts[];
}

interface PorcelainLine {
  flag: string;
  to: string;
  summary: string;
}

/** `git push --porcelain` lines: `<flag>\t<from>:<to>\t<summary>`. */
function parsePorcelain(stdout: string): PorcelainLine[] {
  return stdout.split('\n').flatMap((line) => {
    const m = /^([ +\-*!=])\t([^\t]*):([^\t]*)\t(.*)$/.exec(line);
    return m ? [{ flag: m[1], to: m[3], summary: m[4] }] : [];
  });
}

/**
 * Rejections that mean "the remote moved under us": another clone pushed first, or its push was
 * updating the same ref at the very moment ours arrived (the remote could not lock the ref).
 */
const MOVED = /non-fast-forward|fetch first|stale info|already exists|cannot lock ref|failed to (?:update|lock) ref|incorrect old value|failed to update/i;

export async function pushRemote(ctx: Context, o: { remote?: string; attempts?: number } = {}): Promise<PushResult> {
  const remote = requireRemote(ctx, o.remote);
  const max = o.attempts ?? PUSH_ATTEMPTS;
  const args = ['push', '--porcelain', remote, ...PUSH_REFSPECS];
  let rejected: PorcelainLine[] = [];
  let before: Awaited<ReturnType<typeof conflictCounts>> | undefined;
  for (let attempt = 1; attempt <= max; attempt++) {
    const r = ctx.git.push(remote, PUSH_REFSPECS);
    const lines = parsePorcelain(r.stdout);
    rejected = lines.filter((l) => l.flag === '!');
    if (r.status === 0 && rejected.length === 0) {
      const pushed = lines.filter((l) => ' +*'.includes(l.flag)).map((l) => l.to);
      ctx.env.log.info('pushed', { remote, pushed: pushed.length, attempts: attempt });
      const newConflicts = before ? conflictsAdded(before, await conflictCounts(ctx)) : [];
      return { remote, pushed, upToDate: lines.filter((l) => l.flag === '=').length, attempts: attempt, newConflicts };
    }
    if (rejected.length === 0 || !rejected.every((l) => MOVED.test(l.summary))) {
      const first = rejected.find((l) => !MOVED.test(l.summary));
      const detail = first ? { ...r, stderr: `error: ${first.to} ${first.summary}\n${r.stderr}` } : r;
      throw gitFailed(args, detail, 'Nothing local changed. Check that `git push` to this remote works (permissions, hooks, network).');
    }
    ctx.env.log.info('push rejected: the remote moved; fetching and merging', { remote, attempt, rejected: rejected.length });
    before ??= await conflictCounts(ctx);
    fetchMilestones(ctx, remote);
    const absorbed = await absorbIncoming(ctx, { remote });
    // A milestone a newer release wrote cannot be merged here: retrying cannot help.
    const tooNew = absorbed.errors.filter((e) => e.code === 'FORMAT_TOO_NEW');
    if (tooNew.length > 0 && rejected.every((l) => tooNew.some((e) => l.to.endsWith(`/${e.id}`)))) {
      throw new MilestoneError('FORMAT_TOO_NEW', `push to ${remote}: ${tooNew[0].message}`, {
        hint: 'Everything else was pushed. Upgrade git-milestone to merge this milestone, then push again.',
        data: { remote, rejected: rejected.map((l) => l.to) },
      });
    }
    await new Promise((res) => setTimeout(res, Math.floor(Math.random() * 50 * attempt)));
  }
  throw new MilestoneError('CONFLICT', `push to ${remote} was still rejected after ${max} attempts: other clones kept pushing in between`, {
    hint: `Nothing local was lost: what was fetched is merged into your milestones. Run \`git milestone sync ${remote}\` again in a moment.`,
    data: { remote, attempts: max, rejected: rejected.map((l) => l.to) },
  });
}
