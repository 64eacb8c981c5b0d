/**
 * `git milestone remote setup [remote] [--with-push]`: adds fetch refspecs so that a plain
 * `git fetch` / `git pull` also brings the milestone refs and notes into remote-tracking refs.
 * The next git-milestone command merges them (absorbIncoming.ts). Safe to run again: refspecs
 * already present are not added twice.
 *
 * Nothing changes what a plain `git push` sends unless `--with-push` is given. A
 * `remote.<name>.push` refspec replaces git's default of pushing the current branch, so the opt-in
 * adds `HEAD` together with the milestone refspecs. A plain `git push` then sends the current branch
 * and the milestones. `init` runs the fetch part for `origin` when it exists.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { scrubString } from '../../env/logger';
import type { Context } from '../context';
import { checkRemoteName, DEFAULT_REMOTE, fetchRefspecs, PUSH_REFSPECS } from './remoteLayout';

export interface RemoteSetupResult {
  remote: string;
  /** The remote's URL, credentials masked. */
  url: string | null;
  fetch: { added: string[]; present: string[] };
  push: { added: string[]; present: string[] } | null;
}

export function remoteNames(ctx: Context): string[] {
  return ctx.git.remotes();
}

function addMissing(ctx: Context, key: string, wanted: string[]): { added: string[]; present: string[] } {
  const have = ctx.git.configGetAll(key);
  const added = wanted.filter((w) => !have.includes(w));
  for (const spec of added) ctx.git.configAdd(key, spec);
  return { added, present: wanted.filter((w) => have.includes(w)) };
}

export async function setupRemote(ctx: Context, o: { remote?: string; withPush?: boolean } = {}): Promise<RemoteSetupResult> {
  const remote = checkRemoteName(o.remote ?? DEFAULT_REMOTE);
  if (!remoteNames(ctx).includes(remote)) {
    throw new MilestoneError('NOT_FOUND', `no remote named ${JSON.stringify(remote)}`, {
      hint: `Add it first (\`git remote add ${remote} <url>\`), then run \`git milestone remote setup ${remote}\`.`,
      data: { remote },
    });
  }
  const fetch = addMissing(ctx, `remote.${remote}.fetch`, fetchRefspecs(remote));
  const push = o.withPush ? addMissing(ctx, `remote.${remote}.push`, ['HEAD', ...PUSH_REFSPECS]) : null;
  const url = ctx.git.configGet(`remote.${remote}.url`);
  ctx.env.log.info('remote set up', { remote, fetchAdded: fetch.added, pushAdded: push?.added ?? [] });
  return { remote, url: url === null ? null : scrubString(url), fetch, push };
}
