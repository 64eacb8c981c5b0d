/**
 * The work-tree porcelain of sessions on a real repository (GitCliPorcelain delegates here): a
 * stash commit made without touching anything (`git stash create`, plus the untracked files as
 * `git stash -u` stores them, written through a private index file), its application, and the
 * branch, HEAD and dirtiness of a work tree.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Oid, WorkTreeState } from '../ports';
import { gitFailed, gitRaw, type GitRunOptions } from './runGit';

function ok(run: GitRunOptions, args: string[], input?: string, vars?: Record<string, string>): string {
  const o = { ...run, ...(input === undefined ? {} : { input }), ...(vars ? { vars: { ...(run.vars ?? process.env), ...vars } } : {}) };
  const r = gitRaw(args, o);
  if (r.status !== 0) throw gitFailed(args, r);
  return r.stdout;
}

/** The untracked files (not ignored) as one commit without parents, as `git stash -u` stores them. */
function untrackedCommit(run: GitRunOptions, message: string): Oid | null {
  const files = ok(run, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (files === '') return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-stash-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(dir, 'index') };
    ok(run, ['update-index', '--add', '-z', '--stdin'], files, env);
    const tree = ok(run, ['write-tree'], undefined, env).trim();
    return ok(run, ['commit-tree', tree, '-m', `untracked files on ${message}`]).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function stashCreate(run: GitRunOptions, message?: string): Oid | null {
  const created = gitRaw(['stash', 'create', ...(message ? [message] : [])], run);
  if (created.status !== 0) {
    if (gitRaw(['rev-parse', '--verify', '-q', 'HEAD'], run).status !== 0) return null; // no commit yet
    throw gitFailed(['stash', 'create'], created);
  }
  const stash = created.stdout.trim();
  const untracked = untrackedCommit(run, message ?? 'work tree');
  if (untracked === null) return stash || null;
  if (stash !== '') {
    // One read of the stash commit: its tree, parents (HEAD, the index) and message.
    const raw = ok(run, ['cat-file', 'commit', stash]);
    const [head, index] = [...raw.matchAll(/^parent (\S+)$/gm)].map((m) => m[1]);
    const tree = /^tree (\S+)$/m.exec(raw)?.[1] as string;
    const msg = raw.slice(raw.indexOf('\n\n') + 2);
    return ok(run, ['commit-tree', tree, '-p', head, '-p', index, '-p', untracked], msg).trim();
  }
  const head = gitRaw(['rev-parse', '--verify', '-q', 'HEAD'], run).stdout.trim();
  if (head === '') return null;
  const subject = message ?? `WIP on ${head.slice(0, 12)}`;
  const tree = `${head}^{tree}`;
  const index = ok(run, ['commit-tree', tree, '-p', head, '-m', `index on ${subject}`]).trim();
  return ok(run, ['commit-tree', tree, '-p', head, '-p', index, '-p', untracked, '-m', subject]).trim();
}

export function stashApply(run: GitRunOptions, stash: Oid): void {
  ok(run, ['stash', 'apply', '--index', stash]);
}

/** Top, common dir, branch and HEAD of a work tree in one git run; null when there is none. */
export function workTreeHead(run: GitRunOptions): Omit<WorkTreeState, 'dirty'> | null {
  const r = gitRaw(['rev-parse', '--show-toplevel', '--git-common-dir', 'HEAD', '--symbolic-full-name', 'HEAD'], run);
  const [top, common, head, ref] = r.stdout.split('\n');
  if (top === undefined || common === undefined) return null;
  if (r.status !== 0) {
    // Before the first commit HEAD names no commit: rev-parse prints what it can, then fails.
    if (!r.stdout.includes('\n')) return null;
    return { top, commonDir: path.resolve(run.cwd, common), branch: null, head: null };
  }
  return {
    top, commonDir: path.resolve(run.cwd, common),
    branch: ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null,
    head: head && /^[0-9a-f]{40,64}$/.test(head) ? head : null,
  };
}

export function workTreeState(run: GitRunOptions): WorkTreeState | null {
  const at = workTreeHead(run);
  if (at === null) return null;
  const status = ok(run, ['status', '--porcelain', '-z']);
  return { ...at, dirty: status !== '' };
}
