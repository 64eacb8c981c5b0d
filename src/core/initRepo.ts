/**
 * `git milestone init`: prepares `<git-common-dir>/milestones/` and builds the index from whatever
 * refs are already there (for example after a clone). Safe to run again.
 */
import * as fs from 'node:fs';
import type { Context } from './context';

export interface InitResult {
  gitDir: string;
  commonDir: string;
  dataDir: string;
  bare: boolean;
  milestones: number;
  alreadyInitialized: boolean;
}

export async function initRepo(ctx: Context): Promise<InitResult> {
  const already = fs.existsSync(ctx.dataDir);
  fs.mkdirSync(ctx.dataDir, { recursive: true });
  const report = await ctx.index.refresh({ force: true });
  ctx.env.log.info('initialized', { dataDir: ctx.dataDir });
  return {
    gitDir: ctx.repo.gitDir,
    commonDir: ctx.repo.commonDir,
    dataDir: ctx.dataDir,
    bare: ctx.repo.bare,
    milestones: report.total,
    alreadyInitialized: already,
  };
}
