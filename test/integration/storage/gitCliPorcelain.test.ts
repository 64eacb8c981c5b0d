/**
 * The porcelain adapter on a real repository, and runGit's guarantee that no git error carries
 * credentials: URL passwords and tokens, http.extraheader values and Authorization headers are
 * masked in the message, the logged args and git's stderr alike.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MilestoneError } from '../../../src/errors/MilestoneError';
import { findRepo } from '../../../src/storage/git/findRepo';
import { GitCliPorcelain } from '../../../src/storage/git/GitCliPorcelain';
import { git, gitFailed, scrubGit } from '../../../src/storage/git/runGit';

let dir: string;
let env: NodeJS.ProcessEnv;
let porcelain: GitCliPorcelain;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-porcelain-'));
  // Isolate from the machine's global and system git config.
  env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, GIT_CONFIG_GLOBAL: path.join(dir, 'global'), GIT_CONFIG_NOSYSTEM: '1' };
  execFileSync('git', ['init', '-q', dir], { env });
  porcelain = new GitCliPorcelain({ repo: findRepo({ cwd: dir, vars: env }), vars: env });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, env });
const thrown = (f: () => unknown): MilestoneError => {
  try {
    f();
  } catch (e) {
    return e as MilestoneError;
  }
  throw new Error('expected a throw');
};

describe('config', () => {
  it('fails with GIT_FAILED when git cannot be run (the read cases are in test/unit/config/readGitConfig.test.ts)', () => {
    const noGit = new GitCliPorcelain({ repo: findRepo({ cwd: dir, vars: env }), vars: { ...env, PATH: path.join(dir, 'empty') } });
    const e = thrown(() => noGit.configMatching('^milestone\\.'));
    expect([e.code, e.message]).toEqual(['GIT_FAILED', 'git was not found']);
  });

  it('adds, lists and unsets multi-valued local keys', () => {
    porcelain.configAdd('notes.rewriteRef', 'refs/notes/a', { local: true });
    porcelain.configAdd('notes.rewriteRef', 'refs/notes/b', { local: true });
    expect(porcelain.configGetAll('notes.rewriteRef', { local: true })).toEqual(['refs/notes/a', 'refs/notes/b']);
    expect(porcelain.configUnset('notes.rewriteRef', '^refs/notes/a$', { local: true })).toBe(true);
    expect(porcelain.configUnset('notes.rewriteRef', '^refs/notes/a$', { local: true })).toBe(false);
    expect(porcelain.configGetAll('notes.rewriteRef')).toEqual(['refs/notes/b']);
  });
});

describe('environment', () => {
  it('withEnv gives git extra environment (first fetch turns prompts off this way)', () => {
    const zed = porcelain.withEnv({ GIT_AUTHOR_NAME: 'Zed', GIT_AUTHOR_EMAIL: 'zed@example.com' });
    expect(zed.authorIdent()).toMatch(/^Zed <zed@example\.com> \d+ [+-]\d{4}$/);
  });
});

describe('branches', () => {
  it('creates, checks out, lists and refuses to delete the checked-out branch', () => {
    run('-c', 'user.name=A', '-c', 'user.email=a@b', 'commit', '-q', '--allow-empty', '-m', 'init');
    const head = porcelain.revParse('HEAD');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(porcelain.isValidBranchName('feature/x')).toBe(true);
    expect(porcelain.isValidBranchName('bad..name')).toBe(false);
    porcelain.checkout('feature/x', { create: true });
    expect(porcelain.symbolicRef('HEAD')).toBe('feature/x');
    expect(porcelain.worktreeBranches()).toEqual(new Set(['feature/x']));
    expect(porcelain.mergedBranches('HEAD').has('feature/x')).toBe(true);
    expect(porcelain.branchContains(head as string)).toBe(true);
    expect(thrown(() => porcelain.deleteBranch('feature/x')).code).toBe('GIT_FAILED');
    expect(porcelain.gitPath('hooks')).toBe(path.join(fs.realpathSync(dir), '.git', 'hooks'));
  });
});

describe('no credentials in git errors', () => {
  const SECRETS = ['s3cr3t-pass', 'tok_abcdef123456', 'Zm9vOmJhcg==', 'ghp_0123456789abcdefABCDEF'];
  const leaks = (e: MilestoneError) => SECRETS.filter((s) => JSON.stringify({ m: e.message, d: e.data, h: e.hint }).includes(s));

  it('a failed fetch from a URL with user:password@ and an extra header', () => {
    const e = thrown(() => git(
      ['-c', 'http.extraheader=Authorization: Bearer tok_abcdef123456', 'fetch', 'https://alice:s3cr3t-pass@127.0.0.1:9/repo.git'],
      { cwd: dir, vars: { ...env, GIT_TERMINAL_PROMPT: '0' } },
    ));
    expect(e.code).toBe('GIT_FAILED');
    expect((e.data as { args: string[] }).args.join(' ')).toContain('alice:***@127.0.0.1');
    expect(leaks(e)).toEqual([]);
  });

  it('whatever git writes to stderr', () => {
    const stderr = [
      'hint: https://bob:s3cr3t-pass@example.com/x',
      "fatal: unable to access 'https://bob:s3cr3t-pass@example.com/x/': 403",
      'error: http.https://example.com/.extraheader=AUTHORIZATION: basic Zm9vOmJhcg==',
      'remote: https://ghp_0123456789abcdefABCDEF@github.com/o/r',
    ].join('\n');
    const e = gitFailed(['fetch', 'https://bob:s3cr3t-pass@example.com/x'], { status: 128, stdout: '', stderr });
    expect(e.message).toBe("git fetch failed: unable to access 'https://bob:***@example.com/x/': 403");
    expect(leaks(e)).toEqual([]);
    expect(scrubGit('proxy-authorization: Basic Zm9vOmJhcg==')).toBe('proxy-authorization: ***');
  });
});
