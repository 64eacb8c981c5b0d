// The session row of `npm run bench` (issue 11): `session checkpoint` in a repository of many
// milestones whose work tree holds an unstaged change, a staged one and an untracked file (so every
// run saves a stash commit), against `node -e ''` interleaved round by round. Target: within 2×.
// Run alone with `node scripts/bench-session.mjs` (after `npm run build`): a repository of 100.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });

export function benchSession({ dir, first, BIN, rowVsNode, count }) {
  const run = (args) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), 'two\n');
  git(dir, ['add', 'a.txt', 'b.txt']);
  git(dir, ['commit', '-qm', 'bench base']);
  const started = run(['session', 'start', first, '--pid', String(process.pid), '--json']);
  if (started.status !== 0) throw new Error(`session start failed: ${started.stderr}`);
  const id = JSON.parse(started.stdout).id;
  fs.appendFileSync(path.join(dir, 'a.txt'), 'unstaged\n');
  fs.appendFileSync(path.join(dir, 'b.txt'), 'staged\n');
  git(dir, ['add', 'b.txt']);
  fs.writeFileSync(path.join(dir, 'c.txt'), 'untracked\n');
  rowVsNode(`session checkpoint (changes saved as a stash commit), ${count} milestones`, ['session', 'checkpoint', id, '-m', 'bench'], dir);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'git-milestone');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-session-'));
  for (const args of [['init', '-q'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'bench@example.com']]) git(dir, args);
  let first;
  for (let i = 0; i < 100; i++) {
    const r = spawnSync(process.execPath, [BIN, 'new', `M${i}`, '--json'], { cwd: dir, encoding: 'utf8' });
    first ??= JSON.parse(r.stdout).id;
  }
  const time = (cmd, args) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rowVsNode = (what, args) => {
    time(process.execPath, ['-e', '']);
    time(process.execPath, [BIN, ...args]);
    const ours = [];
    const base = [];
    for (let i = 0; i < 9; i++) {
      base.push(time(process.execPath, ['-e', '']));
      ours.push(time(process.execPath, [BIN, ...args]));
    }
    console.log(`${what}: ${med(ours).toFixed(1)} ms vs node -e '' ${med(base).toFixed(1)} ms (×${(med(ours) / med(base)).toFixed(2)}; target ≤ 2×)`);
  };
  benchSession({ dir, first, BIN, rowVsNode, count: 100 });
  fs.rmSync(dir, { recursive: true, force: true });
}
