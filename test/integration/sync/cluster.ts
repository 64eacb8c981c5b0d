/**
 * Clones of one bare remote for the sync tests: each clone has its own identity and has run
 * `git milestone init` (which sets up the fetch refspecs for origin). `gm` runs the built CLI in a
 * clone, `ok` does the same and fails the test on a non-zero exit.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, cliAsync, type CliResult } from '../../helpers/cli';
import { gitEnv, makeTmpRepo } from '../../helpers/tmpRepo';

export interface Clone {
  name: string;
  dir: string;
  /** Native git in the clone; `input` goes to its stdin. */
  git(args: string[], opts?: { input?: string }): string;
  gm(args: string[]): CliResult;
  gmAsync(args: string[]): Promise<CliResult>;
  /** Runs the CLI; throws with its output unless it exits 0. */
  ok(args: string[]): string;
  json<T = any>(args: string[]): T;
}

export interface Cluster {
  remote: string;
  clones: Clone[];
  /** A new clone of the remote (initialized unless `init: false`), e.g. a late joiner. */
  add(name: string, o?: { init?: boolean }): Clone;
  cleanup(): void;
}

function clone(remote: string, name: string, dirs: string[], init = true): Clone {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `gm-clone-${name}-`)));
  dirs.push(dir);
  const git = (args: string[], opts: { input?: string } = {}) => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], input: opts.input });
  git(['clone', '-q', remote, '.']);
  git(['config', 'user.name', name]);
  git(['config', 'user.email', `${name.toLowerCase()}@example.com`]);
  const extra = { GIT_CONFIG_GLOBAL: '/dev/null' };
  const c: Clone = {
    name,
    dir,
    git,
    gm: (args) => cli(dir, args, extra),
    gmAsync: (args) => cliAsync(dir, args),
    ok(args) {
      const r = cli(dir, args, extra);
      if (r.code !== 0) throw new Error(`${name}: git milestone ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
      return r.stdout;
    },
    json: (args) => JSON.parse(c.ok([...args, '--json'])),
  };
  if (init) c.ok(['init']);
  return c;
}

export function makeCluster(names: string[]): Cluster {
  const bare = makeTmpRepo({ bare: true });
  const dirs: string[] = [];
  return {
    remote: bare.dir,
    clones: names.map((n) => clone(bare.dir, n, dirs)),
    add: (name, o = {}) => clone(bare.dir, name, dirs, o.init ?? true),
    cleanup() {
      bare.cleanup();
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Every entity's snapshot.json bytes in a clone, by id (read with git itself). */
export function snapshots(c: Clone): Map<string, string> {
  const out = new Map<string, string>();
  const refs = c.git(['for-each-ref', '--format=%(refname)', 'refs/milestones/milestone/']).split('\n').filter(Boolean);
  for (const ref of refs) out.set(ref.split('/').pop() as string, c.git(['cat-file', 'blob', `${ref}:snapshot.json`]));
  return out;
}
