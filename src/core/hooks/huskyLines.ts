/**
 * git-milestone's line in husky's per-hook scripts (`.husky/<hook>`, run by husky with `sh -e` and
 * git's arguments). husky rewrites only its `.husky/_/` directory on install, never these scripts,
 * so the line survives every `npm install`. It goes first in the script — so commit-msg formats
 * the message before a commitlint line checks it — after a `#!` line if there is one, and ends in
 * a marker that `hooks uninstall` looks for; a script left with nothing else is removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HookName } from './hookFiles';
import { HUSKY_MARK, managedCommand } from './hookRunners';

export const huskyScript = (dir: string, hook: HookName) => path.join(dir, hook);
export const huskyLine = (hook: HookName) => `${managedCommand(hook, '"$@"')} ${HUSKY_MARK}`;
const isOurs = (line: string) => line.trimEnd().endsWith(HUSKY_MARK);

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function hasHuskyLine(dir: string, hook: HookName): boolean {
  return (read(huskyScript(dir, hook)) ?? '').split('\n').some(isOurs);
}

/** Adds (or refreshes) the line; says what it did. */
export function addHuskyLine(dir: string, hook: HookName): 'added' | 'updated' | 'unchanged' {
  const file = huskyScript(dir, hook);
  const text = read(file);
  const line = huskyLine(hook);
  if (text === null) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `${line}\n`, { mode: 0o644 });
    return 'added';
  }
  const lines = text.split('\n');
  const at = lines.findIndex(isOurs);
  if (at >= 0 && lines[at] === line) return 'unchanged';
  if (at >= 0) lines[at] = line;
  else lines.splice(lines[0]?.startsWith('#!') ? 1 : 0, 0, line);
  fs.writeFileSync(file, lines.join('\n'));
  return at >= 0 ? 'updated' : 'added';
}

/** Removes the line; a script left with nothing but a `#!` line and blank lines goes too. */
export function removeHuskyLine(dir: string, hook: HookName): boolean {
  const file = huskyScript(dir, hook);
  const text = read(file);
  if (text === null || !text.split('\n').some(isOurs)) return false;
  const rest = text.split('\n').filter((l) => !isOurs(l));
  if (rest.every((l) => l.trim() === '' || (l.startsWith('#!') && l === rest[0]))) fs.rmSync(file);
  else fs.writeFileSync(file, rest.join('\n'));
  return true;
}
