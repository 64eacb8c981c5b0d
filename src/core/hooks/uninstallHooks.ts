/**
 * `git milestone hooks uninstall`: removes our shims and puts every kept hook back under its own
 * name, exactly as it was (plainShims.ts); removes our marked lines from `.husky/<hook>` and our
 * entries from lefthook's config — nothing else in them — and this clone's runners. A hook that is
 * not our shim is left alone. The notes.rewriteRef value install added is removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { disableNotesRewrite } from './notesRewrite';
import { HOOK_NAMES } from './hookFiles';
import { findLefthook } from './hookManager';
import { removeRunners } from './hookRunners';
import { hookPlace } from './hooksStatus';
import { huskyScript, removeHuskyLine } from './huskyLines';
import { removeLefthookEntries } from './lefthookEntries';
import type { HooksResult } from './installHooks';
import { removeShim } from './plainShims';

export async function uninstallHooks(ctx: Context): Promise<Omit<HooksResult, 'package' | 'node'>> {
  const place = hookPlace(ctx);
  const hooks = HOOK_NAMES.map((hook) => removeShim(place.dir, hook));
  const m = place.manager;
  // Wherever a manager's config is, even when git does not run that manager now.
  const husky = m?.kind === 'husky' ? m.dir : place.workTree ? path.join(place.workTree, '.husky') : null;
  const lefthook = m?.kind === 'lefthook' ? m : place.workTree ? findLefthook(place.workTree) : null;
  for (const h of hooks) {
    if (husky && removeHuskyLine(husky, h.hook)) Object.assign(h, { action: 'removed', note: `removed git-milestone's line from ${huskyScript(husky, h.hook)}` });
  }
  if (lefthook?.editable) {
    for (const hook of removeLefthookEntries(lefthook.config, HOOK_NAMES)) {
      Object.assign(hooks[HOOK_NAMES.indexOf(hook)], { action: 'removed', note: `removed git-milestone's entry from ${lefthook.config}` });
    }
  }
  removeRunners(place.dataDir);
  disableNotesRewrite(ctx);
  for (const f of ['GIT_MILESTONE_SOURCE', 'GIT_MILESTONE_NOTE']) fs.rmSync(path.join(ctx.repo.gitDir, f), { force: true });
  ctx.env.log.info('hooks uninstalled', { dir: place.dir, hooks: hooks.map((h) => `${h.hook}:${h.action}`) });
  return { dir: place.dir, manager: m?.kind ?? null, notes: [], hooks };
}
