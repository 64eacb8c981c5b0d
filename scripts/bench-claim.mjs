// ---- claims (issue 11): `claim`, `heartbeat` and `release` against `node -e ''`, each interleaved
// round by round with node's own start-up, in the 100- and the BIG-milestone repository (no slower
// at BIG than at 100); and a claim on a remote (one `git push --force-with-lease`) against one plain
// `git push` of one new commit to a new ref of the same bare remote (a clone of the BIG repository,
// so both pushes see the same ref advertisement).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function firstTask(BIN, dir, milestone) {
  const r = spawnSync(process.execPath, [BIN, 'show', milestone, '--json'], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(r.stdout).tasks[0].id;
}

/**
 * Medians of claim / heartbeat / release of one task (a new holder each round) in each repository,
 * the repositories and node's own start-up alternating round by round, so load hits all alike.
 */
function cycles(BIN, time, repos, runs) {
  const t = repos.map(() => ({ claim: [], heartbeat: [], release: [] }));
  const node = [];
  const gm = (r, verb) => time(process.execPath, [BIN, verb, r.task, '--as', 'bench'], r.dir);
  for (const r of repos) for (const verb of ['claim', 'release']) gm(r, verb);
  for (let i = 0; i < runs; i++) {
    node.push(time(process.execPath, ['-e', ''], repos[0].dir));
    repos.forEach((r, k) => { for (const verb of ['claim', 'heartbeat', 'release']) t[k][verb].push(gm(r, verb)); });
  }
  return { node: med(node), repos: t.map((x) => Object.fromEntries(Object.entries(x).map(([k, xs]) => [k, med(xs)]))) };
}

export function benchClaims({ small, big, BIG, BIN, time, row, runs }) {
  const repos = [small, big].map((r) => ({ dir: r.dir, task: firstTask(BIN, r.dir, r.first) }));
  const { node, repos: [s, b] } = cycles(BIN, time, repos, runs);
  for (const verb of ['claim', 'heartbeat', 'release']) {
    row(`${verb}, ${BIG} milestones`, b[verb], "node -e '' (interleaved)", node, '≤ 2×');
    row(`${verb}, ${BIG} milestones`, b[verb], `${verb}, 100 milestones (interleaved)`, s[verb], '≤ 1× (no slower)');
  }
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-remote-'));
  try {
    git(bare, ['clone', '-q', '--bare', '--no-local', big.dir, '.']);
    git(big.dir, ['remote', 'add', 'claims', bare]);
    const task = firstTask(BIN, big.dir, big.first);
    const tree = git(big.dir, ['hash-object', '-t', 'tree', '-w', '--stdin']).stdout.trim();
    const plain = [];
    const claim = [];
    const push = (i) => {
      const commit = git(big.dir, ['commit-tree', tree, '-m', `bench ${i}`]).stdout.trim(); // outside the timing
      return time('git', ['push', '-q', 'claims', `${commit}:refs/bench/push-${i}`], big.dir);
    };
    const remote = ['--remote', 'claims'];
    push(-1);
    time(process.execPath, [BIN, 'claim', task, '--as', 'remote-bench', ...remote], big.dir);
    time(process.execPath, [BIN, 'release', task, '--as', 'remote-bench', ...remote], big.dir);
    for (let i = 0; i < runs; i++) {
      plain.push(push(i));
      claim.push(time(process.execPath, [BIN, 'claim', task, '--as', 'remote-bench', ...remote], big.dir));
      time(process.execPath, [BIN, 'release', task, '--as', 'remote-bench', ...remote], big.dir);
    }
    row(`claim --remote (one atomic push), ${BIG} milestones`, med(claim), 'git push of one ref to the same remote', med(plain), '≤ 1.5×');
  } finally {
    fs.rmSync(bare, { recursive: true, force: true });
  }
}
