/**
 * Settings through the CLI: every layer with its origin, validation with file:line:key, a
 * malformed file reported without blocking commands that do not need settings, secrets masked;
 * a fresh clone that does not connect where its committed settings say until it trusts them; and
 * the log file in the common git dir with secrets redacted.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv, type CliResult } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
const cfgDir = () => path.join(repo.dir, '.milestones', 'config');
const cfgFile = () => path.join(cfgDir(), 'milestone-config.yaml');

beforeAll(() => {
  repo = makeTmpRepo();
  fs.mkdirSync(cfgDir(), { recursive: true });
});
afterAll(() => repo.cleanup());

describe('config', () => {
  it('layers defaults < file < git config < env, and says where each value came from', () => {
    fs.writeFileSync(cfgFile(), '# shared\ncache.ttl: 30\ngit_integration:\n  cleanup_after_days: 3\nbranch_prefix: team/\n');
    repo.git(['config', 'milestone.branch-prefix', 'mine/']);
    const r = cli(repo.dir, ['config', 'show', '--origin', '--json'], { MILESTONE_GIT_INTEGRATION__CLEANUP_AFTER_DAYS: '9' });
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.values.cache.ttl).toBe(30);
    expect(j.origins['cache.ttl']).toMatchObject({ layer: 'file', line: 2 });
    expect(j.values.branch_prefix).toBe('mine/');
    expect(j.origins.branch_prefix.layer).toBe('git');
    expect(j.values.git_integration.cleanup_after_days).toBe(9);
    expect(j.origins['git_integration.cleanup_after_days']).toMatchObject({ layer: 'env', source: 'MILESTONE_GIT_INTEGRATION__CLEANUP_AFTER_DAYS' });
    expect(j.values.commit_format).toBe('feat(milestone-{id}): {description}');
    expect(j.origins.commit_format.layer).toBe('default');
    expect(cli(repo.dir, ['config', 'get', 'cache.ttl']).stdout.trim()).toBe('30');
  });

  it('config set keeps comments and refuses an invalid value, leaving the file as it was', () => {
    expect(cli(repo.dir, ['config', 'set', 'cache.ttl', '45']).code).toBe(0);
    const text = fs.readFileSync(cfgFile(), 'utf8');
    expect(text).toContain('# shared');
    expect(cli(repo.dir, ['config', 'get', 'cache.ttl']).stdout.trim()).toBe('45');
    const bad = cli(repo.dir, ['config', 'set', 'cache.ttl', 'soon']);
    expect(bad.code).toBe(9);
    expect(bad.stderr).toContain('cache.ttl');
    expect(fs.readFileSync(cfgFile(), 'utf8')).toBe(text);
  });

  it('config set --git writes git config under the name git accepts, typed like the file route', () => {
    const r = cli(repo.dir, ['config', 'set', '--git', 'git_integration.cleanup_after_days', '12', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ value: 12, target: 'git config milestone.git_integration.cleanup-after-days' });
    expect(repo.git(['config', 'milestone.git_integration.cleanup-after-days']).trim()).toBe('12');
    const got = cli(repo.dir, ['config', 'get', 'git_integration.cleanup_after_days', '--json']).json();
    expect(got.origin.layer).toBe('git');
    expect(cli(repo.dir, ['config', 'set', '--git', 'branch_prefix', 'ms/']).code).toBe(0);
    expect(repo.git(['config', 'milestone.branch-prefix']).trim()).toBe('ms/');
    expect(cli(repo.dir, ['config', 'set', '--git', 'cache.ttl', 'soon']).code).toBe(9);
  });

  it('validate names file, line and key; unknown keys warn only; other commands keep working', () => {
    fs.writeFileSync(cfgFile(), 'cache:\n  enabled: true\n  ttl: soon\nmystery_key: 1\n');
    const r = cli(repo.dir, ['config', 'validate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/milestone-config\.yaml:3.*cache\.ttl/);
    expect(r.stdout).toMatch(/warning:.*mystery_key/);
    expect(cli(repo.dir, ['new', 'still works', '--json']).code).toBe(0);
    expect(cli(repo.dir, ['config', 'show']).code).toBe(9);
    fs.writeFileSync(cfgFile(), 'cache: [unclosed\n');
    const m = cli(repo.dir, ['config', 'validate', '--json']);
    expect(m.code).toBe(1);
    expect(m.json().errors[0]).toMatchObject({ file: '.milestones/config/milestone-config.yaml', line: expect.any(Number) });
    fs.writeFileSync(cfgFile(), 'mystery_key: 1\ncache.ttl: 5\n');
    const w = cli(repo.dir, ['config', 'validate', '--json']);
    expect(w.code).toBe(0);
    expect(w.json().warnings.map((x: any) => x.path)).toContain('mystery_key');
  });

  it('config validate FILE of a missing file is NOT_FOUND (exit 3), not "valid"', () => {
    const r = cli(repo.dir, ['config', 'validate', 'no-such.yaml', '--json']);
    expect(r.code).toBe(3);
    expect(r.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such.yaml') });
    expect(cli(repo.dir, ['config', 'validate', 'no-such.yaml']).stderr).toMatch(/no such settings file: no-such\.yaml/);
  });

  it('config show and config set mask a password in a PostgreSQL URL and secret-named keys', () => {
    const set = cli(repo.dir, ['config', 'set', '--git', 'index.postgresql.url', 'postgres://admin:hunter2@db.example.com/plan', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json().value).toBe('postgres://admin:***@db.example.com/plan');
    fs.writeFileSync(cfgFile(), 'agents:\n  task_executor:\n    api_token: s3cret\n');
    expect(cli(repo.dir, ['trust']).code).toBe(0); // a token-named key counts only from a trusted file
    for (const args of [['config', 'show', '--json'], ['config', 'show', '--origin']]) {
      const r = cli(repo.dir, args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/hunter2|s3cret/);
      expect(r.stdout).toContain('postgres://admin:***@db.example.com/plan');
    }
    expect(cli(repo.dir, ['config', 'show', '--json']).json().values.agents.task_executor.api_token).toBe('[REDACTED]');
    repo.git(['config', '--unset', 'milestone.index.postgresql.url']);
    expect(cli(repo.dir, ['trust', '--revoke']).code).toBe(0);
    fs.rmSync(cfgFile());
  });
});

/** The CLI run asynchronously (so this process's listener can accept) with no database in the environment. */
function run(cwd: string, args: string[]): Promise<CliResult> {
  const env = cliEnv();
  for (const k of Object.keys(env)) if (k === 'DATABASE_URL' || k.startsWith('PG')) delete env[k];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: () => JSON.parse(stdout) }));
  });
}

describe('trust: a cloned repository does not choose where data or credentials go', () => {
  let server: net.Server;
  let connections = 0;
  let clone: string;
  const cloneCfg = () => path.join(clone, '.milestones', 'config', 'milestone-config.yaml');

  beforeAll(async () => {
    server = net.createServer((socket) => {
      connections++;
      socket.destroy(); // not a database: the client fails at once and the read falls back
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    fs.writeFileSync(cfgFile(), `backend_override: postgresql\nindex:\n  postgresql:\n    url: postgres://mirror:pw@127.0.0.1:${port}/plans\n`);
    repo.git(['add', '.milestones']);
    repo.git(['commit', '-q', '-m', 'settings naming a server']);
    clone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gm-clone-')));
    repo.git(['clone', '-q', repo.dir, clone]);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(clone, { recursive: true, force: true });
  });

  it('a plain list in a fresh clone connects nowhere and warns once, naming the keys and `git milestone trust`', async () => {
    const r = await run(clone, ['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(connections).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not trusted.*backend_override, index\.postgresql\.url.*git milestone trust/);
    const shown = (await run(clone, ['config', 'show', '--json'])).json();
    expect(shown.values.backend_override).toBeUndefined();
    expect(shown.values.index).toBeUndefined();
    expect(shown.warnings[0]).toMatchObject({ path: 'backend_override, index.postgresql.url', message: expect.stringMatching(/not trusted.*git milestone trust/) });
    const state = (await run(clone, ['trust', '--show', '--json'])).json();
    expect(state).toMatchObject({ exists: true, trusted: false, trustedSha256: null, action: 'none', keys: ['backend_override', 'index.postgresql.url'] });
    expect(connections).toBe(0);
  });

  it('after `git milestone trust` the same list does connect; trust again says nothing changed', async () => {
    const t = await run(clone, ['trust', '--json']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.json()).toMatchObject({ trusted: true, action: 'trusted' });
    expect(t.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cli(clone, ['trust']).stdout).toMatch(/is trusted/);
    expect(cli(clone, ['trust', '--json']).json().action).toBe('none');
    const r = await run(clone, ['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(connections).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/not trusted/);
  });

  it('a changed file is not trusted until trusted again; --revoke ends trust', async () => {
    fs.appendFileSync(cloneCfg(), '# changed\n');
    const before = connections;
    const r = await run(clone, ['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(connections).toBe(before);
    expect(r.stderr).toMatch(/not trusted/);
    expect(cli(clone, ['trust', '--show']).stdout).toMatch(/not trusted.*changed since it was trusted/);
    expect(cli(clone, ['trust', '--json']).json().action).toBe('trusted');
    expect(cli(clone, ['trust', '--revoke', '--json']).json()).toMatchObject({ action: 'revoked', trusted: false, trustedSha256: null });
    expect(cli(clone, ['trust', '--revoke', '--json']).json().action).toBe('none');
    const again = await run(clone, ['list']);
    expect(connections).toBe(before);
    expect(again.stderr).toMatch(/not trusted/);
  });
});

describe('logs', () => {
  it('writes JSON lines to the common dir, redacts credentials, and --verbose echoes to stderr', () => {
    const title = 'connect postgres://admin:hunter2@db.example.com/plan';
    const r = cli(repo.dir, ['new', title, '--verbose']);
    expect(r.code).toBe(0);
    const log = fs.readFileSync(path.join(repo.dir, '.git/milestones/logs/git-milestone.log'), 'utf8');
    const lines = log.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.msg === 'milestone created')).toBe(true);
    expect(log).not.toContain('hunter2');
    expect(r.stderr).toContain('milestone created');
  });
});
