// Part of `npm run bench`: `git milestone import --from-format legacy` of a generated legacy
// `.milestones/` folder (BIG milestones of 5 tasks each, YAML as the earlier system wrote it, with
// timelines, progress, dependencies between tasks and the usual statuses), into an empty repository,
// one timed run (it writes every entity once). The baseline from the same run: native
// `git fast-import` writing the very same objects (exported from the imported repository with
// `git fast-export`). Also timed, informative: running the same import again (nothing to write).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const git = (cwd, args, opts = {}) => spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });

function emptyRepo(dir) {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
  git(dir, ['config', 'user.name', 'Bench']);
  git(dir, ['config', 'user.email', 'bench@example.com']);
  return dir;
}

/** Writes `count` legacy milestone files (one in five completed) under `dir`/active and /completed. */
export function generateLegacy(dir, count) {
  const statuses = ['planning', 'active', 'in_progress', 'blocked', 'completed'];
  for (const sub of ['active', 'completed']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = `milestone-${String(i + 1).padStart(5, '0')}`;
    const status = statuses[i % statuses.length];
    const tasks = [1, 2, 3, 4, 5].map((k) => [
      `  - id: "task-00${k}"`,
      `    title: "Task ${k} of milestone ${i + 1}"`,
      `    estimated_hours: ${k}`,
      `    status: "${k <= 2 ? 'completed' : 'pending'}"`,
      `    assigned_to: "dev${(i + k) % 7}"`,
      ...(k > 1 ? [`    dependencies: ["task-00${k - 1}"]`] : []),
    ].join('\n')).join('\n\n');
    fs.writeFileSync(path.join(dir, status === 'completed' ? 'completed' : 'active', `${id}.yaml`), `id: "${id}"
title: "Milestone ${i + 1} of the import bench"
description: "Generated legacy milestone number ${i + 1}"
status: "${status}"
priority: "${['high', 'medium', 'low'][i % 3]}"
category: "feature"
created_at: "2024-07-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z"

timeline:
  estimated_start: "2024-07-15"
  estimated_end: "2024-08-15"
  estimated_hours: 20
  buffer_percentage: 20

progress:
  percentage: 40
  tasks_completed: 2
  last_update: "2024-07-20T00:00:00Z"

success_criteria:
  - "It works"
  - "It is tested"

tasks:
${tasks}

dependencies:
  requires: []
  enables: []
  external: []
`);
  }
}

/** Adds the import row; returns the timings. */
export function benchImport({ count, BIN, time, row }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bench-import-'));
  try {
    const legacy = path.join(dir, 'legacy');
    generateLegacy(legacy, count);
    const repo = emptyRepo(path.join(dir, 'repo'));
    const ours = time(process.execPath, [BIN, 'import', '--from-format', 'legacy', '--path', legacy], repo);
    const refs = git(repo, ['for-each-ref', '--format=x', 'refs/milestones']).stdout.split('\n').filter(Boolean).length;
    if (refs !== count) throw new Error(`the import wrote ${refs} refs, expected ${count}`);
    const again = time(process.execPath, [BIN, 'import', '--from-format', 'legacy', '--path', legacy], repo);
    const stream = path.join(dir, 'stream');
    const fd = fs.openSync(stream, 'w');
    git(repo, ['fast-export', '--all'], { stdio: ['ignore', fd, 'pipe'] });
    fs.closeSync(fd);
    const native = emptyRepo(path.join(dir, 'native'));
    const input = fs.openSync(stream, 'r');
    const t = process.hrtime.bigint();
    const r = git(native, ['fast-import', '--quiet'], { stdio: [input, 'pipe', 'pipe'] });
    const base = Number(process.hrtime.bigint() - t) / 1e6;
    fs.closeSync(input);
    if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
    row(`import --from-format legacy, ${count} milestones × 5 tasks (one run)`, ours, 'git fast-import of the same objects', base, '< 10 s');
    console.log(`import again (nothing new): ${again.toFixed(0)} ms`);
    return { ours, again, base };
  } finally {
    if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}
