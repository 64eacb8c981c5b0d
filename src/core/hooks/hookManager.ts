/**
 * Which hook manager, if any, owns the hooks directory. A manager rewrites the hook files it owns
 * whenever it installs (husky 9 on every `npm install` through its `prepare` script, lefthook on
 * `lefthook install` and whenever its config changes), so a shim of ours in their place is gone at
 * the next install. Where one is found, git-milestone installs through it instead: a marked line in
 * `.husky/<hook>` (huskyLines.ts), an entry in lefthook's config (lefthookEntries.ts).
 *   husky     core.hooksPath is husky's `<dir>/_` (it holds husky's `h` runner), or the work tree has
 *             a `.husky/` directory (husky not yet set up in this clone: `active` is false);
 *   lefthook  the work tree has a lefthook config (lefthook.yml and the names lefthook reads).
 * When both are there, the one git runs hooks from wins, then lefthook (its config is explicit).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type HookManager =
  | { kind: 'husky'; /** `.husky` (where the per-hook scripts live) */ dir: string; /** git runs `<dir>/_` now */ active: boolean }
  | { kind: 'lefthook'; /** the config file */ config: string; /** we can edit it (YAML) */ editable: boolean };

/** The config names lefthook reads, in its order of preference. */
const LEFTHOOK_CONFIGS = ['yml', 'yaml', 'json', 'jsonc', 'toml'].flatMap((ext) => [`lefthook.${ext}`, `.lefthook.${ext}`, `.config/lefthook.${ext}`]);

export function detectManager(workTree: string | null, hooksDir: string): HookManager | null {
  if (isHuskyDir(hooksDir)) return { kind: 'husky', dir: path.dirname(hooksDir), active: true };
  if (!workTree) return null;
  const lefthook = findLefthook(workTree);
  if (lefthook) return lefthook;
  const husky = path.join(workTree, '.husky');
  if (isDir(husky)) return { kind: 'husky', dir: husky, active: false };
  return null;
}

export function findLefthook(workTree: string): Extract<HookManager, { kind: 'lefthook' }> | null {
  const config = LEFTHOOK_CONFIGS.map((f) => path.join(workTree, f)).find(isFile);
  return config ? { kind: 'lefthook', config, editable: /\.ya?ml$/.test(config) } : null;
}

/** husky ≥ 9 writes `h` (the runner every hook sources) into `<dir>/_`; husky 5–8 wrote `husky.sh`. */
export function isHuskyDir(dir: string): boolean {
  if (path.basename(dir) !== '_') return false;
  const h = readSmall(path.join(dir, 'h'));
  return (h !== null && h.includes('husky')) || isFile(path.join(dir, 'husky.sh'));
}

/** Whether a hook file is one lefthook wrote (it calls `lefthook run <hook>`). */
export function isLefthookHook(file: string): boolean {
  const text = readSmall(file);
  return text !== null && /lefthook/.test(text) && /\brun "?[a-z-]+"?/.test(text);
}

/** The lefthook binary to run `lefthook install` with: the project's own, else one on PATH. */
export function lefthookBin(workTree: string): string {
  const local = path.join(workTree, 'node_modules', '.bin', 'lefthook');
  return isFile(local) ? local : 'lefthook';
}

export function describeManager(m: HookManager, workTree: string | null): string {
  const rel = (p: string) => (workTree ? path.relative(workTree, p) || '.' : p);
  return m.kind === 'husky' ? `husky (${rel(m.dir)}/)` : `lefthook (${rel(m.config)})`;
}

export function readSmall(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return st.isFile() && st.size <= 256 * 1024 ? fs.readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
