/**
 * Scale selection through the CLI: the default picks the file index below 50 milestones; a
 * threshold, backend_override or auto_scale from any settings layer changes the pick on the next
 * command (no --recalculate needed) without changing any answer; once the decision is cached a
 * `list` loads neither yaml nor ajv (nor better-sqlite3 on the file index).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
beforeEach(() => {
  repo = makeTmpRepo();
  for (const t of ['one', 'two', 'three']) cli(repo.dir, ['new', t, '--label', t === 'two' ? 'even' : 'odd']);
});
afterEach(() => repo.cleanup());

const scale = (extra: Record<string, string> = {}) => cli(repo.dir, ['scale', '--json'], extra).json();
const db = () => path.join(repo.dir, '.git/milestones/index.db');

/** Runs the CLI with a preload that records which heavy packages were loaded. */
function loadedBy(args: string[]): string[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-loaded-'));
  let files: string[];
  try {
    const out = path.join(tmp, 'loaded.json');
    const preload = path.join(tmp, 'preload.js');
    fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));`);
    const r = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { cwd: repo.dir, env: cliEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    files = JSON.parse(fs.readFileSync(out, 'utf8')) as string[];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return [...new Set(files.map((f) => /[\\/]node_modules[\\/](yaml|ajv|pino|better-sqlite3|pg)[\\/]/.exec(f)?.[1]).filter((x): x is string => !!x))].sort();
}

describe('scale selection', () => {
  it('defaults to the file index below 50 milestones, with the metrics and the reason', () => {
    const s = scale();
    expect(s).toMatchObject({ backend: 'file', decidedBy: 'threshold', reason: '3 milestones < scale_thresholds.sqlite_milestones (50)' });
    expect(s.metrics).toMatchObject({ milestones: 3, tasks: 0, refs: 3, authors: 1 });
    expect(s.metrics.bytes).toBeGreaterThan(500);
    expect(cli(repo.dir, ['scale']).stdout).toMatch(/^Backend: file\nWhy: {5}3 milestones < /);
  });

  it('a threshold in git config switches to SQLite on the next command; answers do not change', () => {
    const before = cli(repo.dir, ['list', '--json', 'label:odd']).stdout;
    expect(fs.existsSync(db())).toBe(false);
    repo.git(['config', 'milestone.scale_thresholds.sqlite-milestones', '2']);
    expect(scale()).toMatchObject({ backend: 'sqlite', reason: '3 milestones ≥ scale_thresholds.sqlite_milestones (2)' });
    expect(cli(repo.dir, ['list', '--json', 'label:odd']).stdout).toBe(before);
    expect(fs.existsSync(db())).toBe(true);
    cli(repo.dir, ['new', 'four', '--label', 'odd']);
    expect(cli(repo.dir, ['list', '--json', 'label:odd']).json()).toHaveLength(3);
    expect(cli(repo.dir, ['list', '--json', '--backend', 'file', 'label:odd']).json()).toHaveLength(3);
  });

  it('counts tasks, and scale_thresholds.sqlite_tasks switches to SQLite once the tasks reach it', () => {
    const [one, two] = cli(repo.dir, ['list', '--json']).json<Array<{ id: string }>>().map((m) => m.id.slice(0, 8));
    for (const [m, t] of [[one, 'a'], [one, 'b'], [two, 'c']]) expect(cli(repo.dir, ['task', 'add', m, t]).code).toBe(0);
    expect(cli(repo.dir, ['scale', '--json', '--recalculate']).json().metrics.tasks).toBe(3);
    repo.git(['config', 'milestone.scale_thresholds.sqlite-tasks', '4']);
    expect(scale()).toMatchObject({ backend: 'file', metrics: { tasks: 3 } });
    cli(repo.dir, ['list', '--json']);
    expect(fs.existsSync(db())).toBe(false);
    expect(cli(repo.dir, ['task', 'add', two, 'd']).code).toBe(0);
    expect(scale()).toMatchObject({ backend: 'sqlite', decidedBy: 'threshold', reason: '4 tasks ≥ scale_thresholds.sqlite_tasks (4)' });
    expect(cli(repo.dir, ['list', '--json']).json()).toHaveLength(3);
    expect(fs.existsSync(db())).toBe(true);
  });

  it('backend_override (env or settings file) and auto_scale: false win over thresholds', () => {
    repo.git(['config', 'milestone.scale_thresholds.sqlite-milestones', '1']);
    expect(scale({ MILESTONE_BACKEND_OVERRIDE: 'file' })).toMatchObject({ backend: 'file', decidedBy: 'override', reason: 'backend_override is file (MILESTONE_BACKEND_OVERRIDE)' });
    expect(scale({ MILESTONE_AUTO_SCALE: 'false' })).toMatchObject({ backend: 'file', decidedBy: 'auto_scale' });
    fs.mkdirSync(path.join(repo.dir, '.milestones/config'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), 'auto_scale: false\n');
    expect(scale()).toMatchObject({ backend: 'file', decidedBy: 'auto_scale' });
    fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), 'backend_override: hybrid\n');
    expect(scale()).toMatchObject({ backend: 'sqlite', decidedBy: 'override' });
    expect(cli(repo.dir, ['rebuild', '--json']).json()).toMatchObject({ backend: 'sqlite', total: 3 });
  });

  it('invalid settings do not break list: defaults apply, with a warning', () => {
    fs.mkdirSync(path.join(repo.dir, '.milestones/config'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), 'auto_scale: [oops\n');
    const r = cli(repo.dir, ['list', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toHaveLength(3);
    expect(r.stderr).toMatch(/^warning: settings not used to pick the index backend/);
  });

  it('with the decision cached, list loads no yaml, ajv or database driver', () => {
    fs.mkdirSync(path.join(repo.dir, '.milestones/config'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), 'cache:\n  ttl: 5\n');
    expect(loadedBy(['list', '--json'])).toEqual(['yaml']); // settings are checked without ajv
    expect(loadedBy(['list', '--json'])).toEqual([]);
    expect(loadedBy(['list', '--json', 'label:odd', '--backend', 'file'])).toEqual([]);
    expect(loadedBy(['list', '--json', '--backend', 'sqlite'])).toEqual(['better-sqlite3']);
  });
});
