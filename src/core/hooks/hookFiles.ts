/**
 * Where hooks go and what a shim is. The hooks directory is whatever git runs hooks from
 * (`git rev-parse --git-path hooks`: `.git/hooks`, the common dir's for a linked worktree, or
 * `core.hooksPath`). A shim is `hooks/shim.sh` from this package with the hook name, the package
 * root and the node binary filled in (all three resolved at install time); it carries the marker
 * line that tells our shim from anybody else's hook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';

export const HOOK_NAMES = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-merge', 'post-checkout'] as const;
export type HookName = (typeof HOOK_NAMES)[number];
/** Where an existing hook is kept while our shim sits in its place. */
export const CHAINED_SUFFIX = '.git-milestone-chained';
export const SHIM_MARKER = '# git-milestone-shim';

export function hooksDir(ctx: Context): string {
  return ctx.git.gitPath('hooks');
}

/** The package root (holds package.json and hooks/shim.sh), from the compiled tree or the bundle. */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'hooks', 'shim.sh')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the git-milestone package (hooks/shim.sh) above ${from}`);
  }
}

/** Single-quoted for sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function renderShim(hook: HookName, pkg: string, node: string): string {
  const template = fs.readFileSync(path.join(pkg, 'hooks', 'shim.sh'), 'utf8');
  return template.replace('@HOOK@', hook).replace('@PKG@', shQuote(pkg)).replace('@NODE@', shQuote(node));
}

export function isShim(file: string): boolean {
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 64 * 1024) return false;
    return fs.readFileSync(file, 'utf8').includes(SHIM_MARKER);
  } catch {
    return false;
  }
}

export function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export interface HookState {
  hook: HookName;
  path: string;
  /** installed: our shim alone; chained: our shim running a kept hook first; managed: run by a hook
   *  manager through our line or entry (hookManager.ts); displaced: installed here once but not run
   *  now (hooksStatus.ts says why); foreign: someone else's hook and not ours; absent: nothing. */
  state: 'installed' | 'chained' | 'managed' | 'displaced' | 'foreign' | 'absent';
  /** The kept hook, when there is one. */
  chained: string | null;
}

export function hookState(dir: string, hook: HookName): HookState {
  const file = path.join(dir, hook);
  const kept = exists(file + CHAINED_SUFFIX) ? file + CHAINED_SUFFIX : null;
  if (isShim(file)) return { hook, path: file, state: kept ? 'chained' : 'installed', chained: kept };
  return { hook, path: file, state: exists(file) ? 'foreign' : 'absent', chained: kept };
}
