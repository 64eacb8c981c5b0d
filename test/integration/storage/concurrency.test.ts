import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const ROOT = path.resolve(__dirname, '../../..');
const REF = 'refs/milestones/milestone/counter';
const WORKERS = 8;
const STEPS = 25;
const NATIVE_STEPS = 25;

let lib: string;
let repo: TmpRepo;

/** Compiles only the storage adapter (and what it imports) so a broken file elsewhere cannot fail this test. */
function compileStorage(outDir: string): void {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const entries = ['findRepo', 'GitRefStore', 'GitObjectStore'].map((f) => path.join(ROOT, 'src/storage/git', `${f}.ts`));
  const flags = ['--outDir', outDir, '--rootDir', path.join(ROOT, 'src'), '--module', 'commonjs', '--target', 'ES2022'];
  flags.push('--moduleResolution', 'node', '--strict', '--esModuleInterop', '--skipLibCheck', '--types', 'node');
  execFileSync(process.execPath, [tsc, ...flags, ...entries], { cwd: ROOT, stdio: 'pipe' });
}

/** The start every worker script shares: arguments, the git stores, and an async body that follows. */
const WORKER_PRELUDE = `
const [lib, cwd, id, steps] = process.argv.slice(2);
const { findRepo } = require(lib + '/storage/git/findRepo.js');
const { GitRefStore } = require(lib + '/storage/git/GitRefStore.js');
const { GitObjectStore } = require(lib + '/storage/git/GitObjectStore.js');
const who = { name: 'Worker', email: 'w@example.com', timestamp: 1700000000, timezoneOffset: 0 };
(async () => {
  const repo = findRepo({ cwd, vars: {} });
  const refs = new GitRefStore({ repo, lockTimeoutMs: 20000 });
  const objects = new GitObjectStore({ repo });
`;

const WORKER = `${WORKER_PRELUDE}  const tree = await objects.writeTree([]);
  let retries = 0;
  for (let i = 0; i < Number(steps); i++) {
    for (;;) {
      const tip = await refs.read(${JSON.stringify(REF)});
      const next = await objects.writeCommit({ tree, parents: [tip], author: who, committer: who, message: 'w' + id + '-' + i + '\\n' });
      try { await refs.cas(${JSON.stringify(REF)}, tip, next); break; }
      catch (e) { if (e.code !== 'STALE_REF') throw e; retries++; }
    }
  }
  await objects.close();
  process.stdout.write(JSON.stringify({ retries }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const NATIVE = `
set -u
tree=$(git mktree </dev/null)
for i in $(seq 0 ${NATIVE_STEPS - 1}); do
  until tip=$(git rev-parse --verify -q ${REF}) &&
        next=$(git commit-tree "$tree" -p "$tip" -m "native-$i") &&
        git update-ref ${REF} "$next" "$tip" 2>/dev/null; do :; done
done
`;

/** Runs a child to completion; kills it (and fails) if it is still running after `timeoutMs`. */
function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repo.dir, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${signal ? `killed by ${signal}` : `exited ${code}`}: ${err}`));
    });
  });
}

beforeAll(() => {
  lib = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-lib-'));
  compileStorage(lib);
  repo = makeTmpRepo();
  const tree = repo.git(['mktree'], { input: '' }).trim();
  const root = repo.git(['commit-tree', tree, '-m', 'root']).trim();
  repo.git(['update-ref', REF, root, '']);
});

afterAll(() => {
  repo?.cleanup();
  if (lib) fs.rmSync(lib, { recursive: true, force: true });
});

describe('concurrent compare-and-swap', () => {
  it(`loses no increment: ${WORKERS} processes × ${STEPS} CAS loops interleaved with native git update-ref`, async () => {
    const script = path.join(lib, 'worker.cjs');
    fs.writeFileSync(script, WORKER);
    const workers = Array.from({ length: WORKERS }, (_, id) => run(process.execPath, [script, lib, repo.dir, String(id), String(STEPS)]));
    const outputs = await Promise.all([...workers, run('bash', ['-c', NATIVE])]);
    const retries = outputs.slice(0, WORKERS).reduce((n, o) => n + (JSON.parse(o) as { retries: number }).retries, 0);

    const total = WORKERS * STEPS + NATIVE_STEPS;
    expect(repo.git(['rev-list', '--count', REF]).trim()).toBe(String(total + 1));
    const subjects = repo.git(['log', '--format=%s', REF]).trim().split('\n');
    const expected = ['root'];
    for (let w = 0; w < WORKERS; w++) for (let i = 0; i < STEPS; i++) expected.push(`w${w}-${i}`);
    for (let i = 0; i < NATIVE_STEPS; i++) expected.push(`native-${i}`);
    expect(subjects.sort()).toEqual(expected.sort());
    expect(repo.git(['rev-list', '--merges', '--count', REF]).trim()).toBe('0');
    expect(fs.readdirSync(path.join(repo.dir, '.git/refs/milestones/milestone'))).toEqual(['counter']);
    expect(repo.git(['fsck', '--strict', '--no-dangling'])).toBe('');
    expect(retries).toBeGreaterThan(0);
  });

  it('a process that reads through git cat-file and never calls close() still exits', async () => {
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'packed\n' }).trim();
    repo.git(['pack-objects', '-q', '.git/objects/pack/pack'], { input: `${blob}\n` });
    repo.git(['prune-packed']);
    const script = path.join(lib, 'noclose.cjs');
    fs.writeFileSync(
      script,
      `const { findRepo } = require(${JSON.stringify(`${lib}/storage/git/findRepo.js`)});
const { GitObjectStore } = require(${JSON.stringify(`${lib}/storage/git/GitObjectStore.js`)});
const store = new GitObjectStore({ repo: findRepo({ cwd: process.argv[2], vars: {} }) });
store.readBlob(${JSON.stringify(blob)}).then((b) => process.stdout.write(b.toString()));`,
    );
    expect(await run(process.execPath, [script, repo.dir], 5000)).toBe('packed\n');
  });

  it('writes never fail while native git pack-refs --all --prune and git gc remove empty directories', async () => {
    const steps = 60;
    const writers = 4;
    const script = path.join(lib, 'pruned.cjs');
    fs.writeFileSync(script, PRUNED_WORKER);
    const stop = path.join(lib, 'stop');
    // pack-refs --prune packs each new loose ref and removes the directory it leaves empty; gc also
    // packs loose objects and removes emptied objects/xx directories (its default prune age keeps
    // unreferenced new objects, which gc --prune=now would not).
    const loop = (cmd: string): Promise<string> => run('bash', ['-c', `n=0; until [ -e ${stop} ]; do ${cmd}; n=$((n+1)); done; echo $n`], 120_000);
    const pruners = [loop('git pack-refs --all --prune'), loop('git gc --quiet')];
    try {
      await Promise.all(Array.from({ length: writers }, (_, id) => run(process.execPath, [script, lib, repo.dir, String(id), String(steps)], 120_000)));
    } finally {
      fs.writeFileSync(stop, '');
      await Promise.allSettled(pruners);
    }
    for (const runs of await Promise.all(pruners)) expect(Number(runs)).toBeGreaterThan(0);
    const refs = repo.git(['for-each-ref', '--format=%(refname)', 'refs/milestones/race']).trim().split('\n');
    expect(refs).toHaveLength(writers * steps);
    expect(repo.git(['cat-file', '-p', 'refs/milestones/race/w3/r59:f'])).toBe('w3-59');
    repo.git(['fsck', '--strict', '--no-dangling']);
  });
});

const PRUNED_WORKER = `${WORKER_PRELUDE}  for (let i = 0; i < Number(steps); i++) {
    const blob = await objects.writeBlob('w' + id + '-' + i);
    const tree = await objects.writeTree([{ mode: '100644', name: 'f', oid: blob }]);
    const next = await objects.writeCommit({ tree, parents: [], author: who, committer: who, message: 'w' + id + '-' + i + '\\n' });
    await refs.cas('refs/milestones/race/w' + id + '/r' + i, null, next);
  }
  await objects.close();
})().catch((e) => { console.error(e); process.exit(1); });
`;
