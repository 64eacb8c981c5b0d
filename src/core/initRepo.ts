/**
 * `git milestone init`: prepares `<git-common-dir>/milestones/` and builds the index from whatever
 * refs are already there (for example after a clone). Safe to run again. When the repository has
 * an `origin` remote, also adds the fetch refspecs that make a plain `git fetch` bring milestones
 * (sync/setupRemote.ts; a plain `git push` is left unchanged).
 */
import * as fs from 'node:fs';
import type { Context } from './context';
import { remoteNames, setupRemote, type RemoteSetupResult } from './sync/setupRemote';

export interface InitResult {
  gitDir: string;
  commonDir: string;
  dataDir: string;
  bare: boolean;
  milestones: number;
  alreadyInitialized: boolean;
  /** The fetch refspecs set up for `origin`, or null when there is no such remote. */
  remote: RemoteSetupResult | null;
}

export async function initRepo(ctx: Context): Promise<InitResult> {
  const already = fs.existsSync(ctx.dataDir);
  fs.mkdirSync(ctx.dataDir, { recursive: true });
  const report = await ctx.index.refresh({ force: true });
  const remote = remoteNames(ctx).includes('origin') ? await setupRemote(ctx, { remote: 'origin' }) : null;
  ctx.env.log.info('initialized', { dataDir: ctx.dataDir });
  return {
    gitDir: ctx.repo.gitDir,
    commonDir: ctx.repo.commonDir,
    dataDir: ctx.dataDir,
    bare: ctx.repo.bare,
    milestones: report.total,
    alreadyInitialized: already,
    remote,
  };
}
