/**
 * `git milestone hooks uninstall`: removes our shims and puts every kept hook back under its own
 * name, exactly as it was (the rename that kept it is undone: same bytes, same mode). A hook that is
 * not our shim is left alone — if another tool replaced our shim meanwhile, its kept predecessor
 * stays where it is and is reported. The notes.rewriteRef value install added is removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { disableNotesRewrite } from './notesRewrite';
import { CHAINED_SUFFIX, exists, hookState, hooksDir, HOOK_NAMES, isShim, type HookName } from './hookFiles';
import type { HookChange, HooksResult } from './installHooks';

export async function uninstallHooks(ctx: Context): Promise<Omit<HooksResult, 'package' | 'node'>> {
  const dir = hooksDir(ctx);
  const hooks = HOOK_NAMES.map((hook) => uninstallOne(dir, hook));
  disableNotesRewrite(ctx);
  for (const f of ['GIT_MILESTONE_SOURCE', 'GIT_MILESTONE_NOTE']) fs.rmSync(path.join(ctx.repo.gitDir, f), { force: true });
  ctx.env.log.info('hooks uninstalled', { dir, hooks: hooks.map((h) => `${h.hook}:${h.action}`) });
  return { dir, hooks };
}

function uninstallOne(dir: string, hook: HookName): HookChange {
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
  if (state.chained) {
    return { ...state, action: 'left', note: `${hook} is not our shim (another tool replaced it); ${path.basename(kept)} was left in place` };
  }
  return { ...state, action: state.state === 'absent' ? 'absent' : 'left' };
}
