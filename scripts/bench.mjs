#!/usr/bin/env node
// npm run bench: times git-milestone against baselines measured in the same run, on this machine.
// Repositories are generated in-process through the entity engine (the same code the CLI writes
// with), then every figure is the median of several runs of the real CLI in a child process.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchPull } from './bench-sync.mjs';
import { benchIndexes } from './bench-index.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = (p) => require(path.join(root, 'dist', p));
const BIN = path.join(root, 'bin', 'git-milestone');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BIG = Number(process.env.BENCH_MILESTONES ?? 10000);

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });
function time(cmd, args, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status} ${r.error ?? ""}): ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
function median(cmd, args, cwd, runs = RUNS) {
  time(cmd, args, cwd); // warm-up (also warms the index and the page cache)
  const xs = Array.from({ length: runs }, () => time(cmd, args, cwd)).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

async function makeRepo(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gm-bench-${n}-`));
  git(dir, ['init', '-q']);
  git(dir, ['config', 'user.name', 'Bench']);
  git(dir, ['config', 'user.email', 'bench@example.com']);
  const repo = dist('storage/git/findRepo.js').findRepo({ cwd: dir, vars: {} });
  const storage = dist('storage/git/openGitStorage.js').openGitStorage({ repo });
  const { EntityStore } = dist('storage/entity/EntityStore.js');
  const store = new EntityStore(storage, dist('core/milestoneEntity.js').milestoneEntity);
  const who = { author: { name: 'Bench', email: 'bench@example.com' }, time: '2026-11-24T00:00:00.000Z' };
  const statuses = ['planned', 'in_progress', 'blocked', 'completed'];
  let first;
  for (let i = 0; i < n; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `Milestone ${i} of the bench`, nonce: `n${i}`, labels: [`team-${i % 7}`], fields: { status: statuses[i % 4] } }, who);
    await store.append(id, who, () => [0, 1, 2, 3, 4].map((k) => ({ type: 'task.add', title: `Task ${k} of ${i}`, nonce: `t${i}-${k}`, assignee: `dev${(i + k) % 5}` })));
    first ??= id;
    if (process.stderr.isTTY && i % 500 === 0) process.stderr.write(`\r  generating ${n} milestones: ${i}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  await storage.objects.close();
  return { dir, first };
}

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Our command against `node -e ''`, run alternately round by round (after one warm-up of each), so
 * load that comes and goes on this shared machine hits both alike; the medians of each.
 */
function vsNode(args, cwd, runs = RUNS) {
  time(process.execPath, ['-e', ''], cwd);
  time(process.execPath, [BIN, ...args], cwd);
  const ours = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(process.execPath, ['-e', ''], cwd));
    ours.push(time(process.execPath, [BIN, ...args], cwd));
  }
  return { ours: med(ours), base: med(base) };
}

const rows = [];
const row = (what, ours, baseName, base, target) => {
  rows.push({ what, ours, baseName, base, ratio: ours / base, target });
  console.log(`${what}: ${ours.toFixed(1)} ms vs ${baseName} ${base.toFixed(1)} ms (×${(ours / base).toFixed(2)}; target ${target})`);
};
const rowVsNode = (what, args, cwd) => {
  const r = vsNode(args, cwd);
  row(what, r.ours, "node -e '' (interleaved)", r.base, '≤ 2×');
};

const t0 = Date.now();
const small = await makeRepo(100);
const big = await makeRepo(BIG);
console.log(`generated 100 and ${BIG} milestones (5 tasks each) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const nodeEmpty = median(process.execPath, ['-e', ''], big.dir);
const gitRefs = median('git', ['for-each-ref', '--count=1', 'refs/milestones'], big.dir);
console.log(`baseline node -e '': ${nodeEmpty.toFixed(1)} ms; git for-each-ref: ${gitRefs.toFixed(1)} ms`);

time(process.execPath, [BIN, 'rebuild'], big.dir);
rowVsNode(`list --json --backend file, ${BIG} milestones, warm index`, ['list', '--json', '--backend', 'file'], big.dir);
rowVsNode(`list --json --backend file --status blocked --label team-3, ${BIG}`, ['list', '--json', '--backend', 'file', '--status', 'blocked', '--label', 'team-3'], big.dir);
const addSmall = median(process.execPath, [BIN, 'task', 'add', small.first, 'bench task'], small.dir);
const addBig = median(process.execPath, [BIN, 'task', 'add', big.first, 'bench task'], big.dir);
row(`task add, ${BIG} milestones`, addBig, 'task add, 100 milestones', addSmall, '≤ 1× (no slower)');
const newSmall = median(process.execPath, [BIN, 'new', 'bench milestone'], small.dir);
const newBig = median(process.execPath, [BIN, 'new', 'bench milestone'], big.dir);
row(`new, ${BIG} milestones`, newBig, 'new, 100 milestones', newSmall, '≤ 1× (no slower)');
const coldList = (() => {
  fs.rmSync(path.join(big.dir, '.git', 'milestones'), { recursive: true, force: true });
  return time(process.execPath, [BIN, 'list', '--json', '--backend', 'file'], big.dir);
})();
console.log(`list --json, ${BIG} milestones, cold (no index; rebuilds it): ${coldList.toFixed(0)} ms`);
await benchIndexes({ dir: big.dir, BIG, BIN, time, median, row, rowVsNode, rows, nodeEmpty });
await (await import('./bench-report.mjs')).benchReport({ dir: big.dir, BIG, BIN, rowVsNode, vsNode, row });
await (await import('./bench-mcp.mjs')).benchMcp({ dir: big.dir, BIG, BIN, row, runs: RUNS });
await (await import('./bench-serve.mjs')).benchServe({ dir: big.dir, BIG, BIN, vsNode, row });
benchPull({ dir: big.dir, count: BIG, BIN, time, row });
await (await import('./bench-notify.mjs')).benchNotify({ BIN, time, row, runs: RUNS });
(await import('./bench-session.mjs')).benchSession({ dir: big.dir, first: big.first, BIN, rowVsNode, count: BIG });
(await import('./bench-workflow.mjs')).benchWorkflow({ small, big, BIG, BIN, time, row, rowVsNode, runs: RUNS });
(await import('./bench-claim.mjs')).benchClaims({ small, big, BIG, BIN, time, row, runs: RUNS });
await (await import('./bench-execute.mjs')).benchExecute({ BIN, row, runs: 3 });

const out = [
  `| measurement | git-milestone | baseline (same run) | ratio | target |`,
  `| --- | ---: | --- | ---: | --- |`,
  ...rows.map((r) => `| ${r.what} | ${r.ours.toFixed(0)} ${r.unit ?? 'ms'} | ${r.baseName}: ${r.base.toFixed(0)} ${r.unit ?? 'ms'} | ×${r.ratio.toFixed(2)} | ${r.target} |`),
  `| list --json --backend file, ${BIG} milestones, cold (builds the index) | ${coldList.toFixed(0)} ms | git for-each-ref: ${gitRefs.toFixed(0)} ms | | informative |`,
];
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'latest.md'), `${out.join('\n')}\n`);
console.log(`\n${out.join('\n')}\n(median of ${RUNS} runs after one warm-up; ${os.cpus().length} cores, node ${process.version})`);
if (!process.env.BENCH_KEEP) for (const d of [small.dir, big.dir]) fs.rmSync(d, { recursive: true, force: true });

// ---- git hooks: the extra time a commit pays with the hooks installed (issue 5) --------------------
// Two repositories on a task branch made by `branch start`, one with `hooks install`; 50 commits in
// each, interleaved with 50 runs of `node -e ''`, each timed alone (git add is outside the timing).
// The figure is the difference of the medians per commit, against node's own start-up measured in
// the same loop: a commit on a milestone branch starts node once (commit-msg), plus a few sh
// builtins, one `git diff --cached` (pre-commit) and one `git notes append` (post-commit).
const COMMITS = Number(process.env.BENCH_COMMITS ?? 50);
function branchRepo(withHooks) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gm-bench-hooks-${withHooks}-`));
  for (const args of [['init', '-q'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'bench@example.com'], ['commit', '-q', '--allow-empty', '-m', 'init']]) git(dir, args);
  const id = (args) => JSON.parse(spawnSync(process.execPath, [BIN, ...args, '--json'], { cwd: dir, encoding: 'utf8' }).stdout).id;
  const m = id(['new', 'Bench hooks']);
  const t = id(['task', 'add', m, 'Commit a lot']);
  if (withHooks) time(process.execPath, [BIN, 'hooks', 'install'], dir);
  time(process.execPath, [BIN, 'branch', 'start', t], dir);
  return dir;
}
const plainRepo = branchRepo(false);
const hookedRepo = branchRepo(true);
const perCommit = { plain: [], hooked: [], node: [] };
for (let i = 0; i <= COMMITS; i++) {
  for (const [key, dir] of [['plain', plainRepo], ['hooked', hookedRepo]]) {
    fs.writeFileSync(path.join(dir, 'file.txt'), `change ${i}\n`);
    git(dir, ['add', 'file.txt']);
    const ms = time('git', ['commit', '-q', '-m', `Change number ${i}`], dir);
    if (i > 0) perCommit[key].push(ms); // the first commit of each is the warm-up
  }
  const ms = time(process.execPath, ['-e', ''], plainRepo);
  if (i > 0) perCommit.node.push(ms);
}
const hookedSubject = git(hookedRepo, ['log', '-1', '--format=%s']).stdout.trim();
const hookedNote = git(hookedRepo, ['log', '-1', '--notes=milestones', '--format=%N']).stdout.trim();
if (!/^feat\(milestone-[0-9a-f]{8}\): change number/.test(hookedSubject) || !hookedNote.includes('commit-link')) {
  throw new Error(`the hooks did not run in the bench repository: ${hookedSubject} / ${hookedNote}`);
}
const extra = med(perCommit.hooked) - med(perCommit.plain);
console.log(`commit without hooks ${med(perCommit.plain).toFixed(1)} ms, with hooks ${med(perCommit.hooked).toFixed(1)} ms (medians of ${COMMITS})`);
row(`commit on a milestone branch: extra time with the hooks installed (median of ${COMMITS} vs ${COMMITS})`, extra, "node -e ''", med(perCommit.node), '≤ 1.5×');
const hookRow = rows[rows.length - 1];
out.push(`| ${hookRow.what} | ${hookRow.ours.toFixed(0)} ms | ${hookRow.baseName}: ${hookRow.base.toFixed(0)} ms | ×${hookRow.ratio.toFixed(2)} | ${hookRow.target} |`);
out.push(`| commit on a milestone branch, without / with hooks | ${med(perCommit.plain).toFixed(0)} / ${med(perCommit.hooked).toFixed(0)} ms | | | informative |`);
fs.writeFileSync(path.join(root, 'bench-results', 'latest.md'), `${out.join('\n')}\n`);
if (!process.env.BENCH_KEEP) for (const d of [plainRepo, hookedRepo]) fs.rmSync(d, { recursive: true, force: true });

// ---- legacy import: `import --from-format legacy` of BIG generated legacy milestones of 5 tasks
// each, one timed run, beside native git fast-import writing the same objects (bench-import.mjs).
const { benchImport } = await import('./bench-import.mjs');
benchImport({ count: BIG, BIN, time, row });
const importRow = rows[rows.length - 1];
out.push(`| ${importRow.what} | ${importRow.ours.toFixed(0)} ms | ${importRow.baseName}: ${importRow.base.toFixed(0)} ms | ×${importRow.ratio.toFixed(2)} | ${importRow.target} |`);
fs.writeFileSync(path.join(root, 'bench-results', 'latest.md'), `${out.join('\n')}\n`);
// ---- import of other tools' plans (issue 13): every repository of ../shared/corpus, then a
// re-import with nothing changed, beside as many `node -e ''` runs (bench-import-formats.mjs).
const before = rows.length;
(await import('./bench-import-formats.mjs')).benchImportFormats({ BIN, row });
for (const r of rows.slice(before)) out.push(`| ${r.what} | ${r.ours.toFixed(0)} ms | ${r.baseName}: ${r.base.toFixed(0)} ms | ×${r.ratio.toFixed(2)} | ${r.target} |`);
fs.writeFileSync(path.join(root, 'bench-results', 'latest.md'), `${out.join('\n')}\n`);
