// npm run bench, issue 12: `git milestone serve` answering the first board page (the page itself
// and the first 50 milestones as JSON) in the repository of BIG milestones the main bench made,
// beside the CLI's `list --json` in the same run. Run alone: node scripts/bench-serve.mjs [N]
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function startServe(BIN, dir) {
  const child = spawn(process.execPath, [BIN, 'serve', '--json'], { cwd: dir });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, info: JSON.parse(out.slice(0, out.indexOf('\n'))) });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

/** One GET with the token (node:http: loaded before the clock starts, unlike fetch's undici). */
function get(info, p) {
  return new Promise((resolve, reject) => {
    const headers = { 'X-Milestone-Token': info.token };
    http.get({ host: '127.0.0.1', port: info.port, path: p, headers }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** The board's first page: the HTML, then the first 50 milestones, timed together (ms). */
async function firstPage(info) {
  const t = process.hrtime.bigint();
  const page = await get(info, '/');
  const list = await get(info, '/api/milestones?offset=0&limit=50');
  const rows = JSON.parse(list.body.toString('utf8'));
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (page.status !== 200 || rows.length !== 50) throw new Error(`board answered ${page.status} / ${rows.length} rows`);
  return { ms, total: Number(list.headers['x-total-count']) };
}

export async function benchServe({ dir, BIG, BIN, vsNode, row, runs = 9 }) {
  const list = vsNode(['list', '--json'], dir);
  const { child, info } = await startServe(BIN, dir);
  try {
    const first = await firstPage(info);
    if (first.total < BIG) throw new Error(`the board lists ${first.total} milestones, expected ${BIG}`);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push((await firstPage(info)).ms);
    row(`serve: first board page (HTML + 50 of ${BIG} milestones), first request after start`, first.ms,
      'list --json (same run)', list.ours, '< 300 ms');
    row(`serve: board page again (median of ${runs})`, med(warm), 'list --json (same run)', list.ours, '< 300 ms');
  } finally {
    child.kill('SIGINT');
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  // Standalone: a repository of N milestones of 5 tasks (like bench.mjs), then the rows above.
  const N = Number(process.argv[2] ?? 10000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-serve-'));
  const git = (args) => spawnSync('git', args, { cwd: dir });
  git(['init', '-q']); git(['config', 'user.name', 'Bench']); git(['config', 'user.email', 'bench@example.com']);
  const dist = (p) => require(path.join(root, 'dist', p));
  const repo = dist('storage/git/findRepo.js').findRepo({ cwd: dir, vars: {} });
  const storage = dist('storage/git/openGitStorage.js').openGitStorage({ repo });
  const { EntityStore } = dist('storage/entity/EntityStore.js');
  const store = new EntityStore(storage, dist('core/milestoneEntity.js').milestoneEntity);
  const who = { author: { name: 'Bench', email: 'bench@example.com' }, time: '2026-11-24T00:00:00.000Z' };
  for (let i = 0; i < N; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `Milestone ${i}`, nonce: `n${i}` }, who);
    await store.append(id, who, () => [0, 1, 2, 3, 4].map((k) => ({ type: 'task.add', title: `Task ${k}`, nonce: `t${i}-${k}` })));
  }
  await storage.objects.close();
  const BIN = path.join(root, 'bin', 'git-milestone');
  const time = (args) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: dir, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(String(r.stderr));
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const vsNode = (args) => {
    time([BIN, ...args]);
    const o = Array.from({ length: 7 }, () => time([BIN, ...args]));
    return { ours: med(o) };
  };
  const row = (what, ours, baseName, base, target) =>
    console.log(`${what}: ${ours.toFixed(1)} ms vs ${baseName} ${base.toFixed(1)} ms (target ${target})`);
  time([BIN, 'rebuild']);
  await benchServe({ dir, BIG: N, BIN, vsNode, row });
  fs.rmSync(dir, { recursive: true, force: true });
}
