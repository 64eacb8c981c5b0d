import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseGitConfigZ } from '../../../src/storage/git/gitConfig';
import { gitConfigEntries } from '../../../src/core/config/settingsSources';
import { findRepo } from '../../../src/storage/git/findRepo';
import { GitCliPorcelain } from '../../../src/storage/git/GitCliPorcelain';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-gitcfg-'));
  // Isolate from the machine's global and system git config.
  env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, GIT_CONFIG_GLOBAL: path.join(dir, 'global'), GIT_CONFIG_NOSYSTEM: '1' };
  execFileSync('git', ['init', '-q', dir], { env });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env });

/** Both ways: in-process, and by git itself (an include, which it does not follow, sends it there). */
function readGitConfig(o: { cwd: string; env: NodeJS.ProcessEnv }): Record<string, string>[] {
  const repo = findRepo({ cwd: o.cwd, vars: o.env });
  const local = path.join(o.cwd, '.git/config');
  const text = fs.readFileSync(local, 'utf8');
  const direct = gitConfigEntries({ repo, cwd: o.cwd, vars: o.env, git: new GitCliPorcelain({ repo, vars: o.env }) });
  fs.writeFileSync(local, `${text}[include]\n\tpath = no-such-file\n`);
  try {
    return [direct, gitConfigEntries({ repo, cwd: o.cwd, vars: o.env, git: new GitCliPorcelain({ repo, vars: o.env }) })];
  } finally {
    fs.writeFileSync(local, text);
  }
}

describe('gitConfigEntries (in-process and by git)', () => {
  it('returns {} when no milestone.* key is set (git exits 1)', () => {
    git('config', 'user.name', 'Someone');
    expect(readGitConfig({ cwd: dir, env })).toEqual([{}, {}]);
  });

  it('reads milestone.* keys, including values with newlines and valueless booleans', () => {
    git('config', 'milestone.auto-branch', 'true');
    git('config', 'milestone.commit-format', 'feat({id}): {description}\n\nbody');
    git('config', 'milestone.cache.ttl', '60');
    fs.appendFileSync(path.join(dir, '.git/config'), '[milestone]\n\tauto-scale\n');
    git('config', 'other.key', 'x');
    const all = {
      'milestone.auto-branch': 'true',
      'milestone.commit-format': 'feat({id}): {description}\n\nbody',
      'milestone.cache.ttl': '60',
      'milestone.auto-scale': 'true',
    };
    expect(readGitConfig({ cwd: dir, env })).toEqual([all, all]);
  });

  it('lets the repository value win over the global one (last wins)', () => {
    fs.writeFileSync(path.join(dir, 'global'), '[milestone]\n\tbranch-prefix = global/\n');
    expect(readGitConfig({ cwd: dir, env })).toEqual(Array(2).fill({ 'milestone.branch-prefix': 'global/' }));
    git('config', 'milestone.branch-prefix', 'local/');
    expect(readGitConfig({ cwd: dir, env })).toEqual(Array(2).fill({ 'milestone.branch-prefix': 'local/' }));
  });

  it('fails with GIT_FAILED when git finds the config broken', () => {
    fs.appendFileSync(path.join(dir, '.git/config'), '[include]\n\tpath = x\n[milestone\n');
    const repo = findRepo({ cwd: dir, vars: env });
    expect(() => gitConfigEntries({ repo, cwd: dir, vars: env, git: new GitCliPorcelain({ repo, vars: env }) })).toThrow(expect.objectContaining({ code: 'GIT_FAILED' }));
  });
});

describe('parseGitConfigZ', () => {
  it('splits NUL-terminated key\\nvalue entries', () => {
    expect(parseGitConfigZ('milestone.a\n1\0milestone.b\0milestone.c\nx\ny\0')).toEqual({
      'milestone.a': '1',
      'milestone.b': 'true',
      'milestone.c': 'x\ny',
    });
    expect(parseGitConfigZ('')).toEqual({});
  });
});
