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
  const head = gitRaw(['rev-parse', '--verify', '-q', 'HEAD'], run).stdout.trim();
  if (head === '') return null;
  const stash = ok(run, ['stash', 'create', ...(message ? [message] : [])]).trim();
  const untracked = untrackedCommit(run, message ?? head.slice(0, 12));
  if (untracked === null) return stash || null;
  const subject = message ?? `WIP on ${head.slice(0, 12)}`;
  if (stash !== '') {
    const [tree, index] = ok(run, ['rev-parse', `${stash}^{tree}`, `${stash}^2`]).trim().split('\n');
    const msg = ok(run, ['log', '-1', '--format=%B', stash]).trim();
    return ok(run, ['commit-tree', tree, '-p', head, '-p', index, '-p', untracked, '-m', msg]).trim();
  }
  const tree = ok(run, ['rev-parse', `${head}^{tree}`]).trim();
  const index = ok(run, ['commit-tree', tree, '-p', head, '-m', `index on ${subject}`]).trim();
  return ok(run, ['commit-tree', tree, '-p', head, '-p', index, '-p', untracked, '-m', subject]).trim();
}

export function stashApply(run: GitRunOptions, stash: Oid): void {
  ok(run, ['stash', 'apply', '--index', stash]);
}

export function workTreeState(run: GitRunOptions): WorkTreeState | null {
  const r = gitRaw(['rev-parse', '--show-toplevel', '--git-common-dir'], run);
  if (r.status !== 0) return null;
  const [top, common] = r.stdout.trim().split('\n');
  const status = ok(run, ['status', '--porcelain=v2', '--branch', '-z']).split('\0');
  const field = (name: string) => status.find((l) => l.startsWith(`# branch.${name} `))?.slice(`# branch.${name} `.length) ?? null;
  const oid = field('oid');
  const branch = field('head');
  return {
    top,
    commonDir: path.resolve(run.cwd, common),
    branch: branch === null || branch === '(detached)' ? null : branch,
    head: oid === null || oid === '(initial)' ? null : oid,
    dirty: status.some((l) => l !== '' && !l.startsWith('#')),
  };
}
