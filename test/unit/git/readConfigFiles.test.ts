/**
 * The in-process git config reader of the commit-msg hook gives git's own answer, or null (ask git)
 * when it cannot be sure. Compared with `git config --get` on the same files.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfigFiles } from '../../../src/storage/git/readConfigFiles';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-cfg-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const home = path.join(dir, 'home');
const repo = path.join(dir, 'repo');
fs.mkdirSync(home, { recursive: true });
execFileSync('git', ['init', '-q', repo], { env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1' } });
const gitDir = path.join(repo, '.git');
const want = (k: string) => k.startsWith('milestone.') || k === 'core.commentchar';

function both(vars: Record<string, string>, key: string) {
  const env = { PATH: process.env.PATH as string, HOME: home, GIT_CONFIG_NOSYSTEM: '1', ...vars };
  let viaGit: string | undefined;
  try {
    viaGit = execFileSync('git', ['config', '--get', key], { cwd: repo, env, encoding: 'utf8' }).replace(/\n$/, '');
  } catch {
    viaGit = undefined;
  }
  const direct = readConfigFiles({ gitDir, commonDir: gitDir, vars: env, want });
  return { viaGit, direct: direct === null ? null : direct[key] };
}

describe('readConfigFiles', () => {
  it('global < local < -c, with quoting and comments, like git', () => {
    fs.writeFileSync(path.join(home, '.gitconfig'), '[milestone]\n\tcommit-format = "global {description}"\n\tbranch-prefix = g/\n');
    fs.appendFileSync(path.join(gitDir, 'config'), '[milestone]\n\tcommit-format = "local: {description}" ; a comment\n[core]\n\tcommentChar = ";"\n');
    expect(both({}, 'milestone.commit-format')).toEqual({ viaGit: 'local: {description}', direct: 'local: {description}' });
    expect(both({}, 'milestone.branch-prefix')).toEqual({ viaGit: 'g/', direct: 'g/' });
    expect(both({}, 'core.commentchar')).toEqual({ viaGit: ';', direct: ';' });
    const cmd = { GIT_CONFIG_PARAMETERS: `'milestone.commit-format'='it'\\''s {description}'` };
    expect(both(cmd, 'milestone.commit-format')).toEqual({ viaGit: "it's {description}", direct: "it's {description}" });
    const count = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'milestone.branch-prefix', GIT_CONFIG_VALUE_0: 'c/' };
    expect(both(count, 'milestone.branch-prefix')).toEqual({ viaGit: 'c/', direct: 'c/' });
    expect(both({ GIT_CONFIG_GLOBAL: '/dev/null' }, 'milestone.branch-prefix')).toEqual({ viaGit: undefined, direct: undefined });
  });

  it('gives up (null) on includes and unparseable -c values, so the caller asks git', () => {
    fs.appendFileSync(path.join(home, '.gitconfig'), '[include]\n\tpath = other\n');
    expect(readConfigFiles({ gitDir, commonDir: gitDir, vars: { HOME: home, GIT_CONFIG_NOSYSTEM: '1' }, want })).toBeNull();
    expect(readConfigFiles({ gitDir, commonDir: gitDir, vars: { HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_PARAMETERS: 'garbage' }, want })).toBeNull();
  });
});
