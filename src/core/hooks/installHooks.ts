/**
 * `git milestone hooks install` (and `init --hooks`): puts a shim for each hook into the hooks
 * directory. A hook already there — hand-written, husky, lefthook — is never overwritten: it is
 * renamed to `<hook>.git-milestone-chained` (bytes, mode and symlink-ness kept, since a rename moves
 * the file itself) and the shim runs it first, passing on its refusal for the hooks that can refuse
 * (pre-commit, prepare-commit-msg, commit-msg) and its exit status for the others. Running install
 * again only refreshes our shims (for example after the package moved). It also lets git carry
 * commit notes over amends and rebases (notesRewrite.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { enableNotesRewrite } from './notesRewrite';
import { CHAINED_SUFFIX, exists, hookState, hooksDir, HOOK_NAMES, isShim, packageRoot, renderShim, type HookName, type HookState } from './hookFiles';

export interface HookChange extends HookState {
  action: 'installed' | 'chained' | 'updated' | 'unchanged' | 'skipped' | 'removed' | 'restored' | 'absent' | 'left';
  note?: string;
}

export interface HooksResult {
  dir: string;
  package: string;
  node: string;
  hooks: HookChange[];
}

export async function installHooks(ctx: Context): Promise<HooksResult> {
  const dir = hooksDir(ctx);
  const pkg = packageRoot();
  const node = process.execPath;
  fs.mkdirSync(dir, { recursive: true });
  const hooks = HOOK_NAMES.map((hook) => installOne(dir, hook, renderShim(hook, pkg, node)));
  enableNotesRewrite(ctx);
  ctx.env.log.info('hooks installed', { dir, hooks: hooks.map((h) => `${h.hook}:${h.action}`) });
  return { dir, package: pkg, node, hooks };
}

function installOne(dir: string, hook: HookName, shim: string): HookChange {
  const file = path.join(dir, hook);
  const kept = file + CHAINED_SUFFIX;
  let action: HookChange['action'];
  if (isShim(file)) {
    if (fs.readFileSync(file, 'utf8') === shim) return { ...hookState(dir, hook), action: 'unchanged' };
    action = 'updated';
  } else if (exists(file)) {
    if (fs.lstatSync(file).isDirectory()) return { ...hookState(dir, hook), action: 'skipped', note: `${file} is a directory` };
    if (exists(kept)) {
      return { ...hookState(dir, hook), action: 'skipped', note: `both ${hook} and ${path.basename(kept)} exist; move one of them away and run install again` };
    }
    fs.renameSync(file, kept);
    action = 'chained';
  } else action = exists(kept) ? 'chained' : 'installed';
  const tmp = `${file}.git-milestone-tmp`;
  fs.writeFileSync(tmp, shim, { mode: 0o755 });
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, file);
  return { ...hookState(dir, hook), action };
}
