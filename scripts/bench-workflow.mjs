// The phased-workflow rows of `npm run bench` (issue 10): `phase submit` and `review --approve` in a
// repository of BIG milestones against the same commands in one of 100, run alternately round by
// round (so load that comes and goes hits both alike), medians of each; and `review --pending`
// (answered from the index) against `node -e ''`, interleaved. Each round submits (then reviews) a
// task of its own, started beforehand (untimed), with a deliverable given by --deliverable.
// Run alone with `node scripts/bench-workflow.mjs` (after `npm run build`): it makes its own repositories.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const DELIVERABLE = 'bench-design.md';
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `count` tasks in milestone `first`, each with its first phase started; their ids. */
function startedTasks(BIN, time, repo, count) {
  fs.writeFileSync(path.join(repo.dir, DELIVERABLE), '# Design\n\nWhat the bench submits.\n');
  const ids = [];
  for (let i = 0; i < count; i++) {
    const args = [BIN, 'task', 'add', repo.first, `Phased task ${i}`, '--json'];
    const r = spawnSync(process.execPath, args, { cwd: repo.dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`task add failed: ${r.stderr}`);
    ids.push(JSON.parse(r.stdout).id);
    time(process.execPath, [BIN, 'phase', 'start', ids[i], '--deliverable', DELIVERABLE], repo.dir);
  }
  return ids;
}

/** One command per task in each repository, alternately; the medians after a warm-up round. */
function alternate(BIN, time, small, big, args) {
  const xs = { small: [], big: [] };
  small.tasks.forEach((_, i) => {
    for (const [key, repo] of [['small', small], ['big', big]]) {
      const ms = time(process.execPath, [BIN, ...args(repo.tasks[i])], repo.dir);
      if (i > 0) xs[key].push(ms);
    }
  });
  return { small: med(xs.small), big: med(xs.big) };
}

export function benchWorkflow({ small, big, BIG, BIN, time, row, rowVsNode, runs }) {
  small.tasks = startedTasks(BIN, time, small, runs + 1);
  big.tasks = startedTasks(BIN, time, big, runs + 1);
  const same = '≤ 1× (no slower)';
  const submit = alternate(BIN, time, small, big, (t) => ['phase', 'submit', t, '--deliverable', DELIVERABLE]);
  row(`phase submit, ${BIG} milestones`, submit.big, 'phase submit, 100 milestones (interleaved)', submit.small, same);
  const listing = ['review', '--pending', '--json'];
  const pending = JSON.parse(spawnSync(process.execPath, [BIN, ...listing], { cwd: big.dir, encoding: 'utf8' }).stdout);
  if (pending.length !== runs + 1) throw new Error(`review --pending lists ${pending.length} phases, not ${runs + 1}`);
  rowVsNode(`review --pending --json, ${BIG} milestones (${runs + 1} phases waiting)`, listing, big.dir);
  const review = alternate(BIN, time, small, big, (t) => ['review', t, '--approve', '-m', 'bench']);
  row(`review --approve, ${BIG} milestones`, review.big, 'review --approve, 100 milestones (interleaved)', review.small, same);
}

/** Standalone: repositories as bench.mjs makes them (5 tasks per milestone), through the entity engine. */
async function makeRepo(root, n) {
  const require = createRequire(import.meta.url);
  const dist = (p) => require(path.join(root, 'dist', p));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gm-bench-workflow-${n}-`));
  for (const args of [['init', '-q'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'b@example.com']]) {
    spawnSync('git', args, { cwd: dir });
  }
  const repo = dist('storage/git/findRepo.js').findRepo({ cwd: dir, vars: {} });
  const storage = dist('storage/git/openGitStorage.js').openGitStorage({ repo });
  const { EntityStore } = dist('storage/entity/EntityStore.js');
  const store = new EntityStore(storage, dist('core/milestoneEntity.js').milestoneEntity);
  const who = { author: { name: 'Bench', email: 'bench@example.com' }, time: '2026-11-24T00:00:00.000Z' };
  let first;
  for (let i = 0; i < n; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `Milestone ${i} of the bench`, nonce: `n${i}` }, who);
    const tasks = [0, 1, 2, 3, 4].map((k) => ({ type: 'task.add', title: `Task ${k} of ${i}`, nonce: `t${i}-${k}` }));
    await store.append(id, who, () => tasks);
    first ??= id;
  }
  await storage.objects.close();
  return { dir, first };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const BIN = path.join(root, 'bin', 'git-milestone');
  const BIG = Number(process.env.BENCH_MILESTONES ?? 10000);
  const runs = Number(process.env.BENCH_RUNS ?? 9);
  const time = (cmd, args, cwd) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const row = (what, ours, baseName, base, target) => {
    const ratio = `×${(ours / base).toFixed(2)}`;
    console.log(`| ${what} | ${ours.toFixed(0)} ms | ${baseName}: ${base.toFixed(0)} ms | ${ratio} | ${target} |`);
  };
  const rowVsNode = (what, args, cwd) => {
    const xs = { ours: [], node: [] };
    for (let i = 0; i <= runs; i++) {
      const n = time(process.execPath, ['-e', ''], cwd);
      const o = time(process.execPath, [BIN, ...args], cwd);
      if (i > 0) { xs.node.push(n); xs.ours.push(o); }
    }
    row(what, med(xs.ours), "node -e '' (interleaved)", med(xs.node), '≤ 2×');
  };
  const t0 = Date.now();
  const small = await makeRepo(root, 100);
  const big = await makeRepo(root, BIG);
  console.log(`generated 100 and ${BIG} milestones in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  time(process.execPath, [BIN, 'rebuild'], big.dir);
  benchWorkflow({ small, big, BIG, BIN, time, row, rowVsNode, runs });
  const keep = Boolean(process.env.BENCH_KEEP);
  for (const d of keep ? [] : [small.dir, big.dir]) fs.rmSync(d, { recursive: true, force: true });
}
