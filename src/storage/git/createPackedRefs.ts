/**
 * Creates many refs at once by writing them straight into `packed-refs`, under git's own
 * `packed-refs.lock`. It is for bulk arrivals: a pull or restore of thousands of new entities.
 * One loose file per ref would cost a lock, a write and a rename each, and later `git pack-refs`
 * would delete them all again. Native git writers of packed-refs take the same lock, so they exclude
 * each other. The file is replaced by rename, so readers see the old or the new file.
 *
 * Only refs that exist nowhere (no loose file, no packed line) are created. The others are
 * returned, and the caller updates them with compare-and-swap. Existing lines, peeled `^` lines
 * included, are kept verbatim; the result is sorted by ref name and says so in its header, as git's
 * own files do.
 */
import * as path from 'node:path';
import type { Oid } from '../ports';
import { acquireLock, writeLockContent } from './refLock';
import type { FsLike } from './types';

export interface CreatePackedRefsOptions {
  fs: FsLike;
  commonDir: string;
  refs: Map<string, Oid>;
  /** Whether a loose ref file exists for this name. */
  looseExists(ref: string): boolean;
  timeoutMs: number;
}

const DEFAULT_HEADER = '# pack-refs with: peeled fully-peeled sorted ';

/** Blocks of the file: a ref line with its peeled lines; and the header, if any. */
function parse(text: string): { header: string | null; blocks: Map<string, string> } {
  const blocks = new Map<string, string>();
  let header: string | null = null;
  let last: string | null = null;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) header ??= line;
    else if (line.startsWith('^') && last !== null) blocks.set(last, `${blocks.get(last)}\n${line}`);
    else {
      last = line.slice(line.indexOf(' ') + 1);
      blocks.set(last, line);
    }
  }
  return { header, blocks };
}

function withSorted(header: string | null): string {
  if (header === null) return '# pack-refs with: sorted ';
  return /\bsorted\b/.test(header) ? header : `${header.trimEnd()} sorted `;
}

/** Creates the refs that exist nowhere yet; returns the names it left alone because they exist. */
export async function createPackedRefs(o: CreatePackedRefsOptions): Promise<string[]> {
  const file = path.join(o.commonDir, 'packed-refs');
  const lockPath = `${file}.lock`;
  const fd = await acquireLock({ fs: o.fs, lockPath, ref: 'packed-refs', timeoutMs: o.timeoutMs });
  let open = true;
  try {
    let text = '';
    try {
      text = String(o.fs.readFileSync(file, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const { header, blocks } = parse(text);
    const skipped: string[] = [];
    for (const [ref, oid] of o.refs) {
      if (blocks.has(ref) || o.looseExists(ref)) skipped.push(ref);
      else blocks.set(ref, `${oid} ${ref}`);
    }
    if (skipped.length === o.refs.size) return skipped;
    const names = [...blocks.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const body = names.map((n) => blocks.get(n)).join('\n');
    writeLockContent(o.fs, fd, `${text === '' ? DEFAULT_HEADER : withSorted(header)}\n${body}\n`);
    o.fs.closeSync(fd);
    open = false;
    o.fs.renameSync(lockPath, file);
    return skipped;
  } finally {
    if (open) {
      o.fs.closeSync(fd);
      try {
        o.fs.unlinkSync(lockPath);
      } catch {
        // already gone
      }
    }
  }
}
