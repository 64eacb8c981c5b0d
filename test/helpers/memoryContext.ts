/**
 * A use-case Context on the in-memory doubles: objects, refs, notes and porcelain in memory, the
 * file index and link files in a temp dir (the derived files are plain files by design), a test
 * Env. No git is started: a use case that reaches git around the ports fails here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Context } from '../../src/core/context';
import { gitAuthor } from '../../src/core/gitAuthor';
import { milestoneEntity } from '../../src/core/milestoneEntity';
import { nodeProcessRunner } from '../../src/env/nodeProcessRunner';
import { createTestEnv, type TestEnv } from '../../src/env/testEnv';
import { FileIndex } from '../../src/index/file/FileIndex';
import { EntityStore } from '../../src/storage/entity/EntityStore';
import { MemoryNotesStore } from '../../src/storage/memory/MemoryNotesStore';
import { MemoryObjectStore } from '../../src/storage/memory/MemoryObjectStore';
import { MemoryPorcelain } from '../../src/storage/memory/MemoryPorcelain';
import { MemoryRefStore } from '../../src/storage/memory/MemoryRefStore';

export interface MemoryContext {
  ctx: Context;
  env: TestEnv;
  objects: MemoryObjectStore;
  refs: MemoryRefStore;
  git: MemoryPorcelain;
  /** A commit on the current branch (HEAD moves), as `git commit --allow-empty` would make. */
  commit(message: string): Promise<string>;
  cleanup(): void;
}

export function memoryContext(o: { config?: Record<string, string[]> } = {}): MemoryContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-memctx-'));
  const gitDir = path.join(dir, '.git');
  const dataDir = path.join(gitDir, 'milestones');
  fs.mkdirSync(dataDir, { recursive: true });
  const objects = new MemoryObjectStore();
  const refs = new MemoryRefStore();
  const storage = { objects, refs };
  const git = new MemoryPorcelain({ refs, top: dir, config: { 'user.name': ['Ada'], 'user.email': ['ada@example.com'], ...o.config } });
  const env = createTestEnv({ cwd: dir });
  const milestones = new EntityStore(storage, milestoneEntity);
  let author: ReturnType<Context['who']>['author'] | undefined;
  const ctx: Context = {
    env,
    repo: { gitDir, commonDir: gitDir, workTree: dir, bare: false, objectFormat: 'sha1' },
    dataDir,
    storage,
    notes: new MemoryNotesStore({ objects, refs }),
    git,
    processes: nodeProcessRunner,
    milestones,
    index: new FileIndex({ dir: path.join(dataDir, 'index'), store: milestones }),
    who() {
      author ??= gitAuthor(git);
      return { author, time: env.clock().toISOString() };
    },
    close: () => objects.close(),
  };
  const commit = async (message: string): Promise<string> => {
    const parent = git.revParse('HEAD');
    const who = { name: 'Ada', email: 'ada@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
    const tree = await objects.writeTree([]);
    const oid = await objects.writeCommit({ tree, parents: parent ? [parent] : [], author: who, committer: who, message: `${message}\n` });
    const branch = git.symbolicRef('HEAD');
    if (branch) refs.force(`refs/heads/${branch}`, oid);
    else git.head = { detached: oid };
    return oid;
  };
  return { ctx, env, objects, refs, git, commit, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
