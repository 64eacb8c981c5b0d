import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseGitConfigZ, readGitConfig } from '../../../src/config/readGitConfig';
import { MilestoneError } from '../../../src/errors/MilestoneError';

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

describe('readGitConfig', () => {
  it('returns {} when no milestone.* key is set (git exits 1)', async () => {
    git('config', 'user.name', 'Someone');
    expect(await readGitConfig({ cwd: dir, env })).toEqual({});
  });

  it('reads milestone.* keys, including values with newlines and valueless booleans', async () => {
    git('config', 'milestone.auto-branch', 'true');
    git('config', 'milestone.commit-format', 'feat({id}): {description}\n\nbody');
    git('config', 'milestone.cache.ttl', '60');
    fs.appendFileSync(path.join(dir, '.git/config'), '[milestone]\n\tauto-scale\n');
    git('config', 'other.key', 'x');
    expect(await readGitConfig({ cwd: dir, env })).toEqual({
      'milestone.auto-branch': 'true',
      'milestone.commit-format': 'feat({id}): {description}\n\nbody',
      'milestone.cache.ttl': '60',
      'milestone.auto-scale': 'true',
    });
  });

  it('lets the repository value win over the global one (last wins)', async () => {
    fs.writeFileSync(path.join(dir, 'global'), '[milestone]\n\tbranch-prefix = global/\n');
    expect(await readGitConfig({ cwd: dir, env })).toEqual({ 'milestone.branch-prefix': 'global/' });
    git('config', 'milestone.branch-prefix', 'local/');
    expect(await readGitConfig({ cwd: dir, env })).toEqual({ 'milestone.branch-prefix': 'local/' });
  });

  it('fails with GIT_FAILED when git cannot be run', async () => {
    const err = await readGitConfig({ cwd: dir, env, gitBinary: path.join(dir, 'no-such-git') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MilestoneError);
    expect((err as MilestoneError).code).toBe('GIT_FAILED');
  });

  it('fails with GIT_FAILED on a broken config file', async () => {
    fs.appendFileSync(path.join(dir, '.git/config'), '[milestone\n');
    const err = await readGitConfig({ cwd: dir, env }).catch((e: unknown) => e);
    expect((err as MilestoneError).code).toBe('GIT_FAILED');
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
