/**
 * `git milestone hooks install` (and `init --hooks`). Where no hook manager owns the hooks
 * directory, a shim per hook goes into it, chaining any hook already there (plainShims.ts). Where
 * husky or lefthook does (hookManager.ts), a shim there would be gone at the manager's next install,
 * so git-milestone installs through the manager: this clone gets a runner per hook
 * (hookRunners.ts) and the manager's config a marked line or entry that runs it (huskyLines.ts,
 * lefthookEntries.ts) — commit those so teammates' clones carry them; the line does nothing until
 * their clone runs install too. Shims of an earlier plain install are taken out, kept hooks put
 * back, and lefthook is asked to write the hooks its config now names. Running install again only
 * refreshes. It also lets git carry commit notes over amends and rebases (notesRewrite.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { enableNotesRewrite } from './notesRewrite';
import { HOOK_NAMES, isShim, packageRoot, renderShim, type HookName } from './hookFiles';
import { describeManager, lefthookBin, type HookManager } from './hookManager';
import { writeRunners } from './hookRunners';
import { diagnoseHook, hookPlace, type HookPlace } from './hooksStatus';
import { addHuskyLine } from './huskyLines';
import { addLefthookEntries } from './lefthookEntries';
import { installShim, removeShim, type HookChange } from './plainShims';

export type { HookChange } from './plainShims';

export interface HooksResult {
  dir: string;
  package: string;
  node: string;
  /** The hook manager installed through, if any. */
  manager: 'husky' | 'lefthook' | null;
  /** What is left for the user to do, if anything. */
  notes: string[];
  hooks: HookChange[];
}

export async function installHooks(ctx: Context): Promise<HooksResult> {
  const place = hookPlace(ctx);
  const pkg = packageRoot();
  const node = process.execPath;
  const m = place.manager;
  const through = m !== null && !(m.kind === 'lefthook' && !m.editable);
  const notes: string[] = [];
  if (m && !through) notes.push(`${describeManager(m, place.workTree)}: only a YAML config can be edited; \`lefthook install\` will displace these shims`);
  if (!through) fs.mkdirSync(place.dir, { recursive: true });
  const hooks = through ? installThrough(ctx, place, m as HookManager, pkg, node, notes) : HOOK_NAMES.map((h) => installShim(place.dir, h, renderShim(h, pkg, node)));
  enableNotesRewrite(ctx);
  ctx.env.log.info('hooks installed', { dir: place.dir, manager: m?.kind ?? null, hooks: hooks.map((h) => `${h.hook}:${h.action}`) });
  return { dir: place.dir, package: pkg, node, manager: through ? (m as HookManager).kind : null, notes, hooks };
}

function installThrough(ctx: Context, place: HookPlace, m: HookManager, pkg: string, node: string, notes: string[]): HookChange[] {
  writeRunners(place.dataDir, pkg, node);
  const plainDirs = [...new Set([place.dir, path.join(place.commonDir, 'hooks')])];
  for (const dir of plainDirs) {
    for (const h of HOOK_NAMES) {
      removeShim(dir, h); // an earlier plain install
      if (isShim(path.join(dir, `${h}.old`))) fs.rmSync(path.join(dir, `${h}.old`)); // lefthook's backup of our shim
    }
  }
  const done: Record<string, 'added' | 'updated' | 'unchanged'> =
    m.kind === 'husky' ? Object.fromEntries(HOOK_NAMES.map((h) => [h, addHuskyLine(m.dir, h)])) : addLefthookEntries(m.config, HOOK_NAMES);
  if (m.kind === 'husky' && !m.active) notes.push(`husky is not set up in this clone yet: run \`npx husky\` (or your package manager's install) so git runs ${m.dir}`);
  if (m.kind === 'lefthook') runLefthookInstall(ctx, place, notes);
  if (Object.values(done).some((a) => a !== 'unchanged')) {
    notes.push(`commit ${m.kind === 'husky' ? `the changed files in ${m.dir}` : m.config} so every clone keeps git-milestone's ${m.kind === 'husky' ? 'lines' : 'entries'}`);
  }
  const action = { added: 'installed', updated: 'updated', unchanged: 'unchanged' } as const;
  return HOOK_NAMES.map((hook: HookName) => {
    const s = diagnoseHook(place, hook);
    return { hook, path: s.path, state: s.state, chained: s.chained, action: action[done[hook]], ...(s.note ? { note: s.note } : {}) };
  });
}

/** lefthook writes a hook only for the hooks its config names: let it write the ones just added. */
function runLefthookInstall(ctx: Context, place: HookPlace, notes: string[]): void {
  const cwd = place.workTree ?? place.dir;
  const r = spawnSync(lefthookBin(cwd), ['install'], { cwd, env: { ...ctx.env.vars } as NodeJS.ProcessEnv, encoding: 'utf8' });
  if (r.status !== 0) notes.push(`\`lefthook install\` did not run (${r.error ? r.error.message : (r.stderr || r.stdout).trim().split('\n')[0]}): run it yourself`);
}
