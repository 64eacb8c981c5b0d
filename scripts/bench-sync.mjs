// Part of `npm run bench`: pulling new milestones from a remote. `git milestone pull` into a fresh
// clone (native fetch into refs/remotes/origin/milestones/*, then merging every entity into
// refs/milestones/*, then the index refresh) is timed against the baseline measured in the same
// run: a plain `git fetch` of the same refs straight into refs/milestones/* plus the file index
// refresh (`rebuild --backend file`). Every run starts from a fresh empty clone, so every entity is
// new; the figure is the median of BENCH_PULL_RUNS runs (default 3; each moves the whole repository).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });

function freshClone(remote) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-pull-'));
  git(dir, ['init', '-q']);
  git(dir, ['config', 'user.name', 'Bench']);
  git(dir, ['config', 'user.email', 'bench@example.com']);
  git(dir, ['remote', 'add', 'origin', remote]);
  return dir;
}

function medianFresh(remote, runs, run) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const dir = freshClone(remote);
    try {
      xs.push(run(dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Adds the pull row; `dir` is a repository holding `count` milestones, used as the remote. */
export function benchPull({ dir, count, BIN, time, row }) {
  const runs = Number(process.env.BENCH_PULL_RUNS ?? 3);
  const plain = medianFresh(dir, runs, (d) =>
    time('git', ['fetch', '-q', '--no-tags', 'origin', '+refs/milestones/*:refs/milestones/*'], d) + time(process.execPath, [BIN, 'rebuild', '--backend', 'file'], d));
  const pull = medianFresh(dir, runs, (d) => {
    const t = time(process.execPath, [BIN, 'pull'], d);
    const listed = spawnSync(process.execPath, [BIN, 'list', '--json', '--all', '--backend', 'file'], { cwd: d, encoding: 'utf8', maxBuffer: 1 << 30 });
    const n = JSON.parse(listed.stdout).length;
    if (n < count) throw new Error(`pull brought ${n} of ${count} milestones`);
    return t;
  });
  row(`pull, ${count} new milestones`, pull, 'git fetch + index refresh', plain, '≤ 2×');
}
