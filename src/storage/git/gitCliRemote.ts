/**
 * GitPorcelain's calls that move objects and refs between repositories (remotes, fetch, push with
 * or without a lease, notes merges, bundles) or write them in bulk (fast-import, update-ref).
 */
import type { BulkCommit, GitResult, Oid } from '../ports';
import { lines } from './gitCliBase';
import { GitCliConfig } from './gitCliConfig';
import { gitFailed, gitRaw, scrubGit } from './runGit';

export class GitCliRemote extends GitCliConfig {
  remotes(): string[] {
    return lines(this.ok(['remote']));
  }

  fetch(source: string, refspecs: string[], o?: { hint?: string }): void {
    this.ok(['fetch', '--quiet', '--no-tags', source, ...refspecs], o?.hint);
  }

  push(remote: string, refspecs: string[]): GitResult {
    return this.raw(['push', '--porcelain', remote, ...refspecs]);
  }

  pushIfUnchanged(remote: string, ref: string, next: Oid, expected: Oid | null): 'ok' | 'moved' {
    const args = ['push', '--porcelain', '--quiet', `--force-with-lease=${ref}:${expected ?? ''}`, remote, `${next}:${ref}`];
    const r = this.raw(args);
    if (r.status === 0) return 'ok';
    const line = r.stdout.split('\n').find((l) => l.startsWith('!\t')) ?? '';
    // The lease failed, or the remote's own ref lock saw another push of the same ref at that moment.
    const raced = /reference already exists|cannot lock ref|incorrect old value|is at [0-9a-f]+ but expected/i.test(r.stderr);
    if (/stale info|fetch first|non-fast-forward|already exists|incorrect old value/i.test(line) || raced) return 'moved';
    throw gitFailed(args, line ? { ...r, stderr: `error: ${line.split('\t').pop()}\n${r.stderr}` } : r);
  }

  mergeNotes(ref: string, from: string, o: { strategy: string; env?: Record<string, string> }): GitResult {
    const args = ['notes', `--ref=${ref}`, 'merge', '--quiet', `--strategy=${o.strategy}`, from];
    return gitRaw(args, { ...this.run, vars: { ...(this.run.vars ?? process.env), ...o.env } });
  }

  bundleCreate(file: string, refs: string[], o?: { hint?: string }): void {
    this.ok(['bundle', 'create', '--quiet', file, '--stdin'], o?.hint, `${refs.join('\n')}\n`);
  }

  bundleVerify(file: string): string | null {
    const r = this.raw(['bundle', 'verify', '--quiet', file]);
    if (r.status === 0) return null;
    const line = r.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '');
    return line ? scrubGit(line) : 'git bundle verify failed';
  }

  bundleHeads(file: string): Map<string, Oid> {
    const r = this.raw(['bundle', 'list-heads', file]);
    const heads = new Map<string, Oid>();
    if (r.status !== 0) return heads;
    for (const line of r.stdout.split('\n')) {
      const m = /^([0-9a-f]{40,64}) (refs\/\S+)$/.exec(line);
      if (m) heads.set(m[2], m[1]);
    }
    return heads;
  }

  deleteRefs(refs: string[]): boolean {
    if (refs.length === 0) return true;
    return this.raw(['--git-dir', this.o.repo.gitDir, 'update-ref', '--stdin'], refs.map((r) => `delete ${r}\n`).join('')).status === 0;
  }

  bulkWrite(o: { scratchRef: string; histories: Iterable<BulkCommit[]>; onHistory?: (done: number) => void }): Promise<Oid[]> {
    const { fastImport } = require('./fastImport') as typeof import('./fastImport');
    return fastImport({ gitDir: this.o.repo.gitDir, env: this.o.vars as NodeJS.ProcessEnv | undefined, ...o });
  }
}
