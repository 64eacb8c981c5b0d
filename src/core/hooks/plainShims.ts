/**
 * Our shim straight in the hooks directory, where no hook manager owns it. A hook already there —
 * hand-written, or a manager's that git-milestone cannot install through — is never overwritten:
 * it is renamed to `<hook>.git-milestone-chained` (bytes, mode and symlink-ness kept, since a
 * rename moves the file itself) and the shim runs it first, passing on its refusal for the hooks
 * that can refuse (pre-commit, prepare-commit-msg, commit-msg) and its exit status for the others.
 * Removing a shim renames the kept hook back.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../env/atomicWrite';
import { CHAINED_SUFFIX, exists, hookState, isShim, type HookName, type HookState } from './hookFiles';

export interface HookChange extends HookState {
  action: 'installed' | 'chained' | 'updated' | 'unchanged' | 'skipped' | 'removed' | 'restored' | 'absent' | 'left';
  note?: string;
}

export function installShim(dir: string, hook: HookName, shim: string): HookChange {
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
  writeFileAtomic(file, shim, { mode: 0o755 });
  return { ...hookState(dir, hook), action };
}

export function removeShim(dir: string, hook: HookName): HookChange {
  const file = path.join(dir, hook);
  const kept = file + CHAINED_SUFFIX;
  if (isShim(file)) {
    fs.unlinkSync(file);
    if (exists(kept)) {
      fs.renameSync(kept, file);
      return { ...hookState(dir, hook), action: 'restored' };
    }
    return { ...hookState(dir, hook), action: 'removed' };
  }
  const state = hookState(dir, hook);
  if (state.chained && sameBytes(file, kept)) {
    fs.unlinkSync(kept); // a manager rewrote the hook it had before: the kept copy is only a leftover
    return { ...hookState(dir, hook), action: 'removed', note: `removed ${path.basename(kept)}, a copy of the current hook` };
  }
  if (state.chained) {
    return { ...state, action: 'left', note: `${hook} is not our shim (another tool replaced it); ${path.basename(kept)} was left in place` };
  }
  return { ...state, action: state.state === 'absent' ? 'absent' : 'left' };
}

function sameBytes(a: string, b: string): boolean {
  try {
    return fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
}
