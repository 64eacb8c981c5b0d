/**
 * Settings through the CLI: every layer with its origin, validation with file:line:key, a
 * malformed file reported without blocking commands that do not need settings; and the log file
 * in the common git dir with secrets redacted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
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
