// The execute row of `npm run bench` (issue 11): `execute --agents 4` over a milestone of 100
// independent tasks whose agent command does nothing (`true`), against those 100 commands run
// directly, 4 at a time, through `sh -c` as the executor runs them, interleaved run by run. The
// figure is the executor's time beyond the direct run, per task (claim, worktree, task file, status
// writes, commit, merge back, checkpoint); target under 250 ms. Run alone with
// `node scripts/bench-execute.mjs` (after `npm run build`).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = (p) => require(path.join(root, 'dist', p));
const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const TASKS = 100;
const AGENTS = 4;

async function seed(dir, n) {
  const { createTestEnv } = dist('env/testEnv.js');
  const { openContext } = dist('core/openContext.js');
  const { createMilestone } = dist('core/createMilestone.js');
  const { addTasks } = dist('core/addTask.js');
  const env = createTestEnv({ cwd: dir, vars: { PATH: process.env.PATH, HOME: process.env.HOME }, now: new Date().toISOString() });
  const ctx = await openContext({ env, needsRepo: true, needsWorkTree: false });
  try {
    const m = await createMilestone(ctx, { title: `Bench execute ${n}` });
    await addTasks(ctx, m.id, Array.from({ length: n }, (_, i) => ({ title: `No-op ${i}` })));
    return m.id;
  } finally {
    await ctx.close();
  }
}

/** The same commands, directly: `sh -c CMD`, AGENTS at a time. */
async function direct(dir, cmd, n) {
  const t = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      next++;
      await new Promise((resolve) => spawn('sh', ['-c', cmd], { cwd: dir, stdio: 'ignore' }).on('exit', resolve));
    }
  };
  await Promise.all(Array.from({ length: AGENTS }, lane));
  return performance.now() - t;
}

export async function benchExecute({ BIN, row, runs = 3 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-execute-'));
  try {
    for (const a of [['init', '-q', '-b', 'main'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'b@example.com'],
      ['commit', '-q', '--allow-empty', '-m', 'base']]) git(dir, a);
    spawnSync(process.execPath, [BIN, 'init'], { cwd: dir });
    const ours = [];
    const base = [];
    for (let i = 0; i < runs; i++) {
      const id = await seed(dir, TASKS);
      base.push(await direct(dir, 'true', TASKS));
      const t = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'execute', id, '--agents', String(AGENTS), '--agent-command', 'true', '--json'],
        { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
      ours.push(performance.now() - t);
      if (r.status !== 0 || JSON.parse(r.stdout).done !== TASKS) throw new Error(`execute failed: ${r.stderr}${r.stdout.slice(0, 500)}`);
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const extra = (med(ours) - med(base)) / TASKS;
    row(`execute --agents 4, ${TASKS} no-op tasks: time beyond the commands, per task`, extra,
      `the ${TASKS} commands run directly, 4 at a time, per task`, med(base) / TASKS, '< 250 ms beyond');
    return { ours: med(ours), base: med(base), extra };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const BIN = path.join(root, 'bin', 'git-milestone');
  const row = (what, ours, baseName, b, target) => console.log(`${what}: ${ours.toFixed(1)} ms vs ${baseName} ${b.toFixed(1)} ms (target ${target})`);
  const r = await benchExecute({ BIN, row, runs: Number(process.env.BENCH_RUNS ?? 1) });
  console.log(`execute ${r.ours.toFixed(0)} ms, direct ${r.base.toFixed(0)} ms`);
}
