/**
 * Tree objects in git's exact byte format: entries `<mode> <name>\0<binary oid>` ordered by
 * git's rule (names compared as bytes, with '/' appended to subtree names, so `a.b` sorts before
 * the directory `a` but after a file `a`). Refuses entries `git fsck --strict` would reject.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { TreeEntry } from '../ports';
import { assertOid } from './hashObject';
import type { ObjectFormat } from '../ports';

const MODES = new Set(['100644', '100755', '040000', '120000', '160000']);

export interface SerializeTreeOptions {
  entries: TreeEntry[];
  format: ObjectFormat;
}

export function serializeTree(o: SerializeTreeOptions): Buffer {
  const parts: Buffer[] = [];
  for (const e of sortTreeEntries(o.entries.map(checkEntry))) {
    const mode = e.mode === '040000' ? '40000' : e.mode;
    parts.push(Buffer.from(`${mode} ${e.name}\0`, 'utf8'), Buffer.from(assertOid(e.oid, o.format), 'hex'));
  }
  return Buffer.concat(parts);
}

/** git's tree order; throws on duplicate names (a tree cannot hold two entries of one name). */
export function sortTreeEntries(entries: TreeEntry[]): TreeEntry[] {
  const keyed = entries.map((e) => ({ e, key: Buffer.from(e.mode === '040000' ? `${e.name}/` : e.name, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  const names = new Set<string>();
  for (const { e } of keyed) {
    if (names.has(e.name)) throw invalid(`duplicate tree entry ${JSON.stringify(e.name)}`);
    names.add(e.name);
  }
  return keyed.map((k) => k.e);
}

function checkEntry(e: TreeEntry): TreeEntry {
  if (!MODES.has(e.mode)) throw invalid(`bad tree entry mode ${JSON.stringify(e.mode)}`);
  const bad = e.name === '' || e.name === '.' || e.name === '..' || e.name.toLowerCase() === '.git';
  if (bad || e.name.includes('/') || e.name.includes('\0')) throw invalid(`bad tree entry name ${JSON.stringify(e.name)}`);
  return e;
}

function invalid(message: string): MilestoneError {
  return new MilestoneError('INVALID_INPUT', message, {
    hint: 'Tree entry names are single path components (no "/", NUL, "." or ".."), unique within a tree.',
  });
}
