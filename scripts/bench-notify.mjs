// The webhook row of `npm run bench` (issue 10): a write that emits an event (`edit --status`),
// with a webhook configured whose endpoint is down (connection refused), against the same write in
// a twin repository without webhooks, interleaved round by round, medians of each. Both load the
// settings to look for webhooks; the difference is node:http, the outbox file and the refused
// connection (and, after 10 s, the retries of earlier deliveries). Run alone with
// `node scripts/bench-notify.mjs` (after `npm run build`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });

/** A port nothing listens on: bound, then closed. */
async function closedPort() {
  const srv = net.createServer();
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

function twin(BIN, time, url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gm-bench-notify-${url ? 'hook' : 'plain'}-`));
  for (const args of [['init', '-q'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'bench@example.com']]) git(dir, args);
  time(process.execPath, [BIN, 'init'], dir);
  fs.mkdirSync(path.join(dir, '.milestones', 'config'), { recursive: true });
  const hooks = url ? `notifications:\n  webhooks:\n    - url: ${url}\n      format: json\n` : '';
  fs.writeFileSync(path.join(dir, '.milestones', 'config', 'milestone-config.yaml'), `auto_branch: false\n${hooks}`);
  if (url) {
    git(dir, ['config', 'milestone.webhook-secret', 'bench-secret']);
    time(process.execPath, [BIN, 'trust'], dir);
  }
  const r = spawnSync(process.execPath, [BIN, 'new', 'Bench webhooks', '--json'], { cwd: dir, encoding: 'utf8' });
  return { dir, id: JSON.parse(r.stdout).id };
}

export async function benchNotify({ BIN, time, row, runs }) {
  const url = `http://127.0.0.1:${await closedPort()}/hook`;
  const plain = twin(BIN, time, null);
  const hooked = twin(BIN, time, url);
  const statuses = ['in_progress', 'planned'];
  const xs = { plain: [], hooked: [] };
  for (let i = 0; i <= runs; i++) {
    for (const [key, t] of [['plain', plain], ['hooked', hooked]]) {
      const ms = time(process.execPath, [BIN, 'edit', t.id, '--status', statuses[i % 2]], t.dir);
      if (i > 0) xs[key].push(ms); // the first round is the warm-up
    }
  }
  const log = JSON.parse(spawnSync(process.execPath, [BIN, 'notify', 'log', '--json'], { cwd: hooked.dir, encoding: 'utf8' }).stdout);
  if (log.deliveries.length !== runs + 1 || log.deliveries.some((d) => d.status !== 'pending')) {
    throw new Error(`the webhook bench did not queue one pending delivery per write: ${JSON.stringify(log.deliveries.slice(0, 2))}`);
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  row('edit --status with a webhook configured, its endpoint down (median)', med(xs.hooked),
    'the same write without webhooks (interleaved)', med(xs.plain), '≤ 1.2×');
  if (!process.env.BENCH_KEEP) for (const d of [plain.dir, hooked.dir]) fs.rmSync(d, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const BIN = path.join(root, 'bin', 'git-milestone');
  const time = (cmd, args, cwd) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const row = (what, ours, baseName, base, target) =>
    console.log(`${what}: ${ours.toFixed(1)} ms vs ${baseName} ${base.toFixed(1)} ms (×${(ours / base).toFixed(2)}; target ${target})`);
  await benchNotify({ BIN, time, row, runs: Number(process.env.BENCH_RUNS ?? 9) });
}
