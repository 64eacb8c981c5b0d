// npm run bench, issue 12: `report --format html` of one milestone holding 1,000 operations
// (written over 50 days) against `node -e ''`, and `list --as-of` against plain `list`, in the
// repository of BIG milestones the main bench made. Run alone: node scripts/bench-report.mjs [N]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = (p) => require(path.join(root, 'dist', p));

/** Appends to `dir` one milestone of 1,000 operations: 150 tasks added, started and completed over 50 days. */
export async function addBusyMilestone(dir) {
  const repo = dist('storage/git/findRepo.js').findRepo({ cwd: dir, vars: {} });
  const storage = dist('storage/git/openGitStorage.js').openGitStorage({ repo });
  const { EntityStore } = dist('storage/entity/EntityStore.js');
  const store = new EntityStore(storage, dist('core/milestoneEntity.js').milestoneEntity);
  const at = (day, k = 0) => ({ author: { name: `dev${k % 4}`, email: `dev${k % 4}@example.com` }, time: new Date(Date.UTC(2026, 9, 1 + day, 9, k)).toISOString() });
  const { id } = await store.create({ type: 'milestone.create', title: 'Busy milestone', nonce: 'busy', fields: { dueDate: '2026-11-30' } }, at(0));
  let ops = 1;
  const tasks = [];
  for (let day = 0; ops < 1000; day++) {
    const adds = (await store.append(id, at(day), () => Array.from({ length: 3 }, (_, k) => ({ type: 'task.add', title: `Task ${day}-${k}`, nonce: `b${day}-${k}`, estimatedHours: 1 + (k % 4) })))).ops;
    tasks.push(...adds.map((s) => s.hash));
    ops += adds.length;
    for (const [k, status] of [['in_progress', 1], ['completed', 2]].map(([s, lag]) => [lag, s])) {
      const batch = tasks.slice(Math.max(0, tasks.length - 3 * (k + 1)), tasks.length - 3 * k).slice(0, Math.min(3, 1000 - ops));
      if (batch.length === 0) continue;
      await store.append(id, at(day, k), () => batch.map((task) => ({ type: 'task.status', task, status })));
      ops += batch.length;
    }
  }
  await storage.objects.close();
  return { id, ops };
}

export async function benchReport({ dir, BIG, BIN, rowVsNode, vsNode, row }) {
  const busy = await addBusyMilestone(dir);
  rowVsNode(`report --format html, one milestone of ${busy.ops} operations, ${BIG} milestones`, ['report', busy.id, '--format', 'html'], dir);
  const plain = vsNode(['list', '--json'], dir);
  const asOf = vsNode(['list', '--json', '--as-of', '2026-11-24'], dir, 3);
  row(`list --json --as-of 2026-11-24, ${BIG} milestones (from history)`, asOf.ours, 'list --json (same run)', plain.ours, '≤ 3×');
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  // Standalone: a repository of N milestones of 5 tasks (like bench.mjs), then the rows above.
  const N = Number(process.argv[2] ?? 10000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gm-bench-report-`));
  const git = (args) => spawnSync('git', args, { cwd: dir });
  git(['init', '-q']); git(['config', 'user.name', 'Bench']); git(['config', 'user.email', 'bench@example.com']);
  const repo = dist('storage/git/findRepo.js').findRepo({ cwd: dir, vars: {} });
  const storage = dist('storage/git/openGitStorage.js').openGitStorage({ repo });
  const { EntityStore } = dist('storage/entity/EntityStore.js');
  const store = new EntityStore(storage, dist('core/milestoneEntity.js').milestoneEntity);
  const who = { author: { name: 'Bench', email: 'bench@example.com' }, time: '2026-11-24T00:00:00.000Z' };
  for (let i = 0; i < N; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `Milestone ${i}`, nonce: `n${i}`, labels: [`team-${i % 7}`] }, who);
    await store.append(id, who, () => [0, 1, 2, 3, 4].map((k) => ({ type: 'task.add', title: `Task ${k} of ${i}`, nonce: `t${i}-${k}` })));
  }
  await storage.objects.close();
  const BIN = path.join(root, 'bin', 'git-milestone');
  const time = (args) => { const t = process.hrtime.bigint(); const r = spawnSync(process.execPath, args, { cwd: dir, maxBuffer: 1 << 30 }); if (r.status !== 0) throw new Error(String(r.stderr)); return Number(process.hrtime.bigint() - t) / 1e6; };
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const vsNode = (args, _cwd, runs = 7) => { time(['-e', '']); time([BIN, ...args]); const o = [], b = []; for (let i = 0; i < runs; i++) { b.push(time(['-e', ''])); o.push(time([BIN, ...args])); } return { ours: med(o), base: med(b) }; };
  const row = (what, ours, baseName, base, target) => console.log(`${what}: ${ours.toFixed(1)} ms vs ${baseName} ${base.toFixed(1)} ms (×${(ours / base).toFixed(2)}; target ${target})`);
  const rowVsNode = (what, args) => { const r = vsNode(args); row(what, r.ours, "node -e ''", r.base, '≤ 2×'); };
  time([BIN, 'rebuild']);
  await benchReport({ dir, BIG: N, BIN, rowVsNode, vsNode, row });
  fs.rmSync(dir, { recursive: true, force: true });
}
