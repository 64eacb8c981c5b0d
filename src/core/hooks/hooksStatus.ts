/**
 * `git milestone hooks status`: for each hook git-milestone uses, whether our shim is there
 * (installed), there and running a kept hook first (chained), or whether the hook is somebody
 * else's (foreign) or missing (absent); plus the package each shim points at and whether that
 * package is still there (a shim whose package is gone does nothing but run the kept hook).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { hookState, hooksDir, HOOK_NAMES, type HookState } from './hookFiles';

export interface HookStatus extends HookState {
  /** The package root the shim runs (null when not our shim). */
  package: string | null;
  /** False when the shim's package is gone (reinstall, or uninstall the hooks). */
  packagePresent: boolean | null;
}

export interface HooksStatus {
  dir: string;
  hooks: HookStatus[];
}

export async function hooksStatus(ctx: Context): Promise<HooksStatus> {
  const dir = hooksDir(ctx);
  return {
    dir,
    hooks: HOOK_NAMES.map((hook) => {
      const s = hookState(dir, hook);
      const pkg = s.state === 'installed' || s.state === 'chained' ? shimPackage(s.path) : null;
      return { ...s, package: pkg, packagePresent: pkg === null ? null : fs.existsSync(path.join(pkg, 'hooks', 'run.sh')) };
    }),
  };
}

/** The package path written into a shim (`gm_pkg='…'`). */
function shimPackage(file: string): string | null {
  const m = /^gm_pkg='((?:[^']|'\\'')*)'$/m.exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1].replace(/'\\''/g, "'") : null;
}
