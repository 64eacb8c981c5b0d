/**
 * The hook path stays lean: each built hook entry point, run as the shim runs it in a real
 * repository, must not load @oclif/core, pino or ajv (settings are checked without it), and yaml
 * only when a settings file names a key the hook needs. commit-msg — the one node process of an
 * ordinary commit — loads neither child_process nor crypto either. In a bare repository every hook
 * stands aside silently.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const ROOT = path.resolve(__dirname, '../../..');
const WATCH = ['@oclif/core', 'pino', 'ajv', 'yaml', 'child_process', 'crypto'];
let repo: TmpRepo;
let tmp: string;
let tracer: string;
let branch: string;

/** Runs dist/hooks/<hook>.bundle.js like the shim does and returns which watched modules it loaded. */
function loads(hook: string, args: string[], cwd = repo.dir, env: NodeJS.ProcessEnv = {}): { modules: string[]; status: number | null; stderr: string } {
  const out = path.join(tmp, `${hook}-${Date.now()}.json`);
  const r = spawnSync(process.execPath, ['-r', tracer, path.join(ROOT, 'dist', 'hooks', `${hook}.bundle.js`), ...args], {
    cwd, env: gitEnv({ GM_TRACE: out, ...env }), encoding: 'utf8',
  });
  return { modules: fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : ['(no trace)'], status: r.status, stderr: r.stderr };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-trace-'));
  tracer = path.join(tmp, 'trace.js');
  fs.writeFileSync(tracer, `
    const Module = require('module'); const seen = new Set(); const orig = Module._load;
    const watch = ${JSON.stringify(WATCH)};
    Module._load = function (request, ...rest) { const r = request.replace(/^node:/, ''); if (watch.includes(r)) seen.add(r); return orig.call(this, request, ...rest); };
    process.on('exit', () => require('fs').writeFileSync(process.env.GM_TRACE, JSON.stringify([...seen].sort())));
  `);
  repo = makeTmpRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  const m = cli(repo.dir, ['new', 'Lean', '--json']).json().id;
  const t = cli(repo.dir, ['task', 'add', m, 'Stay lean', '--json']).json().id;
  branch = cli(repo.dir, ['branch', 'start', t, '--json']).json().branch;
});
afterAll(() => {
  repo.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('what each hook loads', () => {
  it('commit-msg: nothing watched; yaml only when the settings file names one of its keys', () => {
    const msg = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
    fs.writeFileSync(msg, 'Plain words\n');
    const plain = loads('commit-msg', [msg]);
    expect(plain).toMatchObject({ modules: [], status: 0, stderr: '' });
    expect(fs.readFileSync(msg, 'utf8')).toMatch(/^feat\(milestone-[0-9a-f]{8}\): plain words\n\nMilestone: /);
    fs.mkdirSync(path.join(repo.dir, '.milestones', 'config'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones', 'config', 'milestone-config.yaml'), 'cache:\n  ttl: 5\n');
    fs.writeFileSync(msg, 'Plain words\n');
    expect(loads('commit-msg', [msg]).modules).toEqual([]);
    fs.writeFileSync(path.join(repo.dir, '.milestones', 'config', 'milestone-config.yaml'), 'commit_format: "chore({id}): {description}"\n');
    fs.writeFileSync(msg, 'Plain words\n');
    expect(loads('commit-msg', [msg]).modules).toEqual(['yaml']);
    expect(fs.readFileSync(msg, 'utf8')).toMatch(/^chore\([0-9a-f]{8}\): plain words\n/);
  });

  it('pre-commit: yaml (never ajv) only to validate a staged settings file', () => {
    repo.git(['add', '.milestones']);
    const r = loads('pre-commit', []);
    expect(r.status).toBe(0);
    expect(r.modules).toEqual(['child_process', 'yaml']);
    fs.rmSync(path.join(repo.dir, '.milestones'), { recursive: true });
    repo.git(['rm', '-q', '-r', '--cached', '.milestones']);
  });

  it('pre-commit: no ajv or yaml without a staged settings, workflow or template file; both for a workflow file', () => {
    fs.writeFileSync(path.join(repo.dir, 'notes.txt'), 'x\n');
    repo.git(['add', 'notes.txt']);
    expect(loads('pre-commit', []).modules).toEqual(['child_process']);
    fs.mkdirSync(path.join(repo.dir, '.milestones', 'workflows'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones', 'workflows', 'duo.yaml'), 'phases:\n  - { name: a, weight: 100 }\n');
    repo.git(['add', '.milestones']);
    const r = loads('pre-commit', []);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.modules).toEqual(['ajv', 'child_process', 'yaml']);
    fs.rmSync(path.join(repo.dir, '.milestones'), { recursive: true });
    repo.git(['rm', '-q', '-r', '--cached', '.milestones', 'notes.txt']);
    fs.rmSync(path.join(repo.dir, 'notes.txt'));
  });

  it('post-checkout and post-merge: no oclif, pino or ajv', () => {
    repo.git(['branch', 'milestone/00000000-not-a-task']);
    repo.git(['checkout', '-q', 'milestone/00000000-not-a-task']);
    const checkout = loads('post-checkout', ['0'.repeat(40), '0'.repeat(40), '1']);
    expect(checkout.status).toBe(0);
    expect(checkout.modules.filter((m) => ['@oclif/core', 'pino', 'ajv'].includes(m))).toEqual([]);
    repo.git(['checkout', '-q', 'main']);
    const merge = loads('post-merge', ['0']);
    expect(merge.status).toBe(0);
    expect(merge.modules.filter((m) => ['@oclif/core', 'pino', 'ajv'].includes(m))).toEqual([]);
  });

  it('in a bare repository every hook stands aside: exit 0, no output', () => {
    const bare = makeTmpRepo({ bare: true });
    try {
      for (const [hook, args] of [['pre-commit', []], ['commit-msg', ['x']], ['post-merge', ['0']], ['post-checkout', ['a', 'b', '1']]] as const) {
        const r = loads(hook, [...args], bare.dir);
        expect([hook, r.status, r.stderr]).toEqual([hook, 0, '']);
      }
    } finally {
      bare.cleanup();
    }
  });

  it('an unexpected error is one warning line and exit 0', () => {
    repo.git(['checkout', '-q', branch]);
    const r = loads('commit-msg', [path.join(repo.dir, 'no', 'such', 'file')]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^git-milestone: commit-msg hook skipped: /);
  });
});
