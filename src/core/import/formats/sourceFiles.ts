/**
 * File access the format readers share: where the source is (`--path` is the project root that
 * holds the tool's folder, or that folder itself; default the work tree), listing folders
 * (symlinks followed, dot-folders included), reading text (invalid UTF-8 reported by line, the
 * rest kept), and the key a source path gets: relative to the work tree when inside it, so the
 * milestone aliases do not depend on where the repository is checked out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MilestoneError } from '../../../errors/MilestoneError';
import type { PlanProblem } from '../../../import/plan';
import { decodeUtf8 } from '../../../import/text';
import type { Context } from '../../context';

export function projectRoot(ctx: Context, given: string | undefined): string {
  if (given !== undefined && given !== '') return path.resolve(ctx.env.cwd, given);
  if (!ctx.repo.workTree) {
    throw new MilestoneError('USAGE', 'this repository has no work tree to import from', { hint: 'Give the project folder with --path DIR.' });
  }
  return ctx.repo.workTree;
}

export function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Sub-folders of a folder (symlinks followed), sorted by name. */
export function subDirs(dir: string): string[] {
  if (!isDir(dir)) return [];
  return fs.readdirSync(dir).sort().filter((n) => isDir(path.join(dir, n)));
}

/** Files of a folder (symlinks followed), sorted by name. */
export function filesIn(dir: string): string[] {
  if (!isDir(dir)) return [];
  return fs.readdirSync(dir).sort().filter((n) => isFile(path.join(dir, n)));
}

export class SourceReader {
  readonly problems: PlanProblem[] = [];
  /** The work tree's real path, found once (key() runs for every file). */
  private readonly base: string | null;
  constructor(readonly ctx: Context, readonly root: string) {
    this.base = ctx.repo.workTree ? fs.realpathSync(ctx.repo.workTree) : null;
  }

  /** `/`-separated path of an absolute path: relative to the work tree when inside it. */
  key(abs: string): string {
    const base = this.base;
    const real = fs.existsSync(abs) ? this.realDir(path.dirname(abs)) + path.sep + path.basename(abs) : abs;
    if (base) {
      for (const p of [abs, real]) {
        const rel = path.relative(base, p);
        if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/') || '.';
      }
      const rel = path.relative(this.ctx.repo.workTree as string, abs);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/') || '.';
    }
    return abs.split(path.sep).join('/');
  }

  private readonly dirs = new Map<string, string>();
  private realDir(dir: string): string {
    let r = this.dirs.get(dir);
    if (r === undefined) this.dirs.set(dir, (r = fs.realpathSync(dir)));
    return r;
  }

  /** The text of a file, or undefined when it cannot be read (reported). */
  text(abs: string): string | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(abs);
    } catch (e) {
      this.problems.push({ file: this.key(abs), message: `cannot be read: ${(e as Error).message}` });
      return undefined;
    }
    const { text, badLine } = decodeUtf8(bytes);
    if (badLine !== null) {
      this.problems.push({ file: this.key(abs), line: badLine, message: 'not valid UTF-8; read with the bad bytes replaced' });
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
