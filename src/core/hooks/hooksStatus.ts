/**
 * `git milestone hooks status` (and doctor's hook check): for each hook git-milestone uses, whether
 * it runs — our shim (installed, or chained after a kept hook), or a hook manager's hook running our
 * line or entry (managed) — or whether it was installed here and no longer runs (displaced), with
 * the reason and the command that fixes it in `note`. Displaced is told by what an install leaves:
 * a runner for the manager's line (hookRunners.ts), a kept `<hook>.git-milestone-chained` beside a
 * hook that is not ours (a manager rewrote it), our shim in `.git/hooks` while core.hooksPath points
 * elsewhere, or our shim moved to `<hook>.old` (what `lefthook install` does to a hook it replaces).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { hookState, hooksDir, HOOK_NAMES, isShim, type HookName, type HookState } from './hookFiles';
import { describeManager, detectManager, isLefthookHook, type HookManager } from './hookManager';
import { hasRunner, runnerPath } from './hookRunners';
import { hasHuskyLine, huskyScript } from './huskyLines';
import { hasLefthookEntry } from './lefthookEntries';

export interface HookStatus extends HookState {
  /** The package root our shim or runner runs (null when none of ours runs this hook). */
  package: string | null;
  /** False when that package is gone (reinstall, or uninstall the hooks). */
  packagePresent: boolean | null;
  /** Why the hook is not running, and the command that fixes it; null when all is well. */
  note: string | null;
}

export interface HooksStatus {
  dir: string;
  /** The hook manager git-milestone installs through, if any. */
  manager: 'husky' | 'lefthook' | null;
  hooks: HookStatus[];
}

export interface HookPlace {
  dir: string;
  dataDir: string;
  commonDir: string;
  workTree: string | null;
  manager: HookManager | null;
}

export function hookPlace(ctx: Context): HookPlace {
  const dir = hooksDir(ctx);
  const { commonDir, workTree } = ctx.repo;
  return { dir, dataDir: ctx.dataDir, commonDir, workTree, manager: detectManager(workTree, dir) };
}

export async function hooksStatus(ctx: Context): Promise<HooksStatus> {
  const p = hookPlace(ctx);
  const hooks = HOOK_NAMES.map((hook) => diagnoseHook(p, hook));
  return { dir: p.dir, manager: p.manager?.kind ?? null, hooks };
}

const INSTALL = '`git milestone hooks install`';

export function diagnoseHook(p: HookPlace, hook: HookName): HookStatus {
  const s = hookState(p.dir, hook);
  if (s.state === 'installed' || s.state === 'chained') return withPackage(s, s.path, null);
  const m = p.manager;
  const runner = hasRunner(p.dataDir, hook) ? runnerPath(p.dataDir, hook) : null;
  const displaced = (note: string): HookStatus => ({ ...withPackage(s, runner, note), state: 'displaced' });
  const managed = (where: string) => withPackage({ ...s, path: where, state: 'managed' }, runner, null);
  if (m?.kind === 'husky') {
    const line = hasHuskyLine(m.dir, hook);
    const script = rel(p, huskyScript(m.dir, hook));
    if (line && runner && m.active) return managed(huskyScript(m.dir, hook));
    if (line && runner) {
      return displaced(`husky is not set up in this clone (git does not run ${rel(p, m.dir)}/_): ` +
        "run `npx husky` (or your package manager's install)");
    }
    if (runner) return displaced(`husky runs this hook and ${script} lacks git-milestone's line: run ${INSTALL}`);
    if (line) return withPackage(s, null, `${script} has git-milestone's line, but this clone has not run ${INSTALL}`);
  }
  if (m?.kind === 'lefthook') {
    const entry = hasLefthookEntry(m.config, hook);
    const config = rel(p, m.config);
    if (entry && runner && isLefthookHook(s.path)) return managed(m.config);
    if (entry && runner) return displaced(`lefthook has not written its ${hook} hook: run \`lefthook install\``);
    if (runner) return displaced(`lefthook runs this hook and ${config} has no git-milestone entry for it: run ${INSTALL}`);
    if (entry) return withPackage(s, null, `${config} has git-milestone's entry, but this clone has not run ${INSTALL}`);
  }
  return leftBehind(p, s, hook, displaced) ?? withPackage(s, null, null);
}

/** A plain install's traces beside a hook that is not ours: what displaced it. */
function leftBehind(p: HookPlace, s: HookState, hook: HookName, displaced: (note: string) => HookStatus): HookStatus | null {
  const by = p.manager ? describeManager(p.manager, p.workTree) : 'another tool';
  if (s.chained) return displaced(`${by} replaced git-milestone's shim (it had kept ${path.basename(s.chained)}): run ${INSTALL}`);
  if (isShim(`${s.path}.old`)) return displaced(`${by} moved git-milestone's shim to ${hook}.old: run ${INSTALL}`);
  const plain = path.join(p.commonDir, 'hooks', hook);
  if (path.resolve(p.dir) !== path.resolve(p.commonDir, 'hooks') && isShim(plain)) {
    return displaced(`core.hooksPath now sends git to ${rel(p, p.dir)}, so git-milestone's shim in ${rel(p, plain)} ` +
      `no longer runs: run ${INSTALL}`);
  }
  return null;
}

function withPackage(s: HookState, shim: string | null, note: string | null): HookStatus {
  const pkg = shim ? shimPackage(shim) : null;
  const present = pkg === null ? null : fs.existsSync(path.join(pkg, 'hooks', 'run.sh'));
  return { ...s, package: pkg, packagePresent: present, note };
}

function rel(p: HookPlace, f: string): string {
  const r = p.workTree ? path.relative(p.workTree, f) : '..';
  return r.startsWith('..') || path.isAbsolute(r) ? f : r || '.';
}

/** The package path written into a shim or runner (`gm_pkg='…'`). */
function shimPackage(file: string): string | null {
  try {
    const m = /^gm_pkg='((?:[^']|'\\'')*)'$/m.exec(fs.readFileSync(file, 'utf8'));
    return m ? m[1].replace(/'\\''/g, "'") : null;
  } catch {
    return null;
  }
}
