/**
 * GitPorcelain's config and identity calls on a real repository. Config reads for the hooks try
 * git's files in-process first (readConfigFiles), so commit-msg neither loads child_process nor
 * starts git.
 */
import type { ConfigScope } from '../ports';
import { GitCliBase, lines, scope } from './gitCliBase';
import { parseGitConfigZ } from './gitConfig';
import { readConfigFiles } from './readConfigFiles';
import { gitFailed } from './runGit';

export class GitCliConfig extends GitCliBase {
  configGet(key: string): string | null {
    const r = this.raw(['config', '--get', key]);
    return r.status === 0 ? r.stdout.replace(/\n$/, '') : null;
  }

  configGetAll(key: string, o?: ConfigScope): string[] {
    const r = this.raw(['config', ...scope(o), '--get-all', key]);
    return r.status === 0 ? lines(r.stdout) : [];
  }

  configMatching(pattern: string, o?: { inProcess?: boolean }): Record<string, string> {
    if (o?.inProcess) {
      const re = new RegExp(pattern);
      const { repo, vars } = this.o;
      const want = (k: string) => re.test(k);
      const direct = readConfigFiles({ gitDir: repo.gitDir, commonDir: repo.commonDir, vars: vars ?? process.env, want });
      if (direct) return direct;
    }
    const args = ['config', '-z', '--get-regexp', pattern];
    const r = this.raw(args);
    if (r.status === 1 && r.stderr.trim() === '') return {};
    if (r.status !== 0) throw gitFailed(args, r, 'Check your git config files (`git config --list --show-origin`).');
    return parseGitConfigZ(r.stdout);
  }

  configSet(key: string, value: string, o?: ConfigScope): void {
    this.ok(['config', ...scope(o), key, value]);
  }

  configAdd(key: string, value: string, o?: ConfigScope): void {
    this.ok(['config', ...scope(o), '--add', key, value]);
  }

  configUnset(key: string, valuePattern: string, o?: ConfigScope): boolean {
    return this.raw(['config', ...scope(o), '--unset-all', key, ...(valuePattern === '' ? [] : [valuePattern])]).status === 0;
  }

  authorIdent(): string | null {
    return this.answer(['var', 'GIT_AUTHOR_IDENT']);
  }

  authorEmails(o: { since: Date; glob: string }): string[] {
    const r = this.raw(['--git-dir', this.o.repo.gitDir, 'log', `--since=${o.since.toISOString()}`, '--format=%ae', `--glob=${o.glob}`]);
    return r.status === 0 ? lines(r.stdout) : [];
  }

  version(): string {
    return this.raw(['--version']).stdout.trim().replace(/^git version /, '');
  }
}
