/**
 * Opens what a use case works on (the Context, core/context.ts): the repository (found without
 * spawning git), the object and ref stores, notes, the porcelain, the milestone entity store and the
 * derived index, all under the repository's common git dir so a linked worktree sees the same
 * state. Also the writer identity, asked lazily. The one place in core that wires the git
 * adapters (hooks/runHook.ts is the hooks' one).
 */
import * as path from 'node:path';
import type { Env } from '../env/Env';
import { setLogDir } from '../env/nodeEnv';
import { nodeProcessRunner } from '../env/nodeProcessRunner';
import { MilestoneError } from '../errors/MilestoneError';
import { FileIndex } from '../index/file/FileIndex';
import { findRepo } from '../storage/git/findRepo';
import { openGitStorage } from '../storage/git/openGitStorage';
import { GitCliPorcelain } from '../storage/git/GitCliPorcelain';
import { GitNotesStore } from '../storage/git/GitNotesStore';
import { EntityStore } from '../storage/entity/EntityStore';
import type { WriteRequest } from '../storage/entity/types';
import type { RepoInfo } from '../storage/ports';
import type { Context } from './context';
import { milestoneEntity } from './milestoneEntity';
import { gitAuthor } from './gitAuthor';
import { absorbIfMoved } from './sync/incoming';

export interface OpenContextOptions {
  env: Env;
  needsRepo: boolean;
  needsWorkTree: boolean;
  verbose?: boolean;
  /** Merge fetched remote-tracking milestone refs first if they moved (sync/incoming.ts). Default: with needsRepo. */
  mergeIncoming?: boolean;
}

/** Refuses a command that touches the work tree in a bare repository. */
export function requireWorkTree(repo: RepoInfo): void {
  if (repo.workTree) return;
  throw new MilestoneError('NEEDS_WORK_TREE', 'this command needs a work tree, and this is a bare repository', {
    hint: 'Run it in a clone with a checkout; commands that only read or write milestones work here.',
  });
}

export async function openContext(o: OpenContextOptions): Promise<Context> {
  const repo = findRepo({ cwd: o.env.cwd, vars: o.env.vars });
  if (o.needsWorkTree) requireWorkTree(repo);
  const dataDir = path.join(repo.commonDir, 'milestones');
  setLogDir(o.env, path.join(dataDir, 'logs'));
  const storage = openGitStorage({ repo });
  const git = new GitCliPorcelain({ repo, vars: o.env.vars });
  const notes = new GitNotesStore(storage);
  const milestones = new EntityStore(storage, milestoneEntity);
  const index = new FileIndex({ dir: path.join(dataDir, 'index'), store: milestones });
  let author: WriteRequest['author'] | undefined;
  const ctx: Context = {
    env: o.env,
    repo,
    dataDir,
    storage,
    notes,
    git,
    processes: nodeProcessRunner,
    milestones,
    index,
    who() {
      author ??= gitAuthor(git);
      return { author, time: o.env.clock().toISOString() };
    },
    close: () => storage.objects.close(),
  };
  if (o.mergeIncoming ?? o.needsRepo) await absorbIfMoved(ctx);
  return ctx;
}
