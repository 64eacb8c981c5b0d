/**
 * Parses a tree object's content back into entries, in stored order. Modes are normalised to
 * the six-digit form of ports.ts (`40000` → `040000`); anything malformed is CORRUPT_ENTITY.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { TreeEntry } from '../ports';
import { oidBytes } from './hashObject';
import type { ObjectFormat } from '../ports';

export interface ParseTreeOptions {
  content: Buffer;
  format: ObjectFormat;
  /** Names the object in error messages. */
  oid: string;
}

export function parseTree(o: ParseTreeOptions): TreeEntry[] {
  const size = oidBytes(o.format);
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < o.content.length) {
    const space = o.content.indexOf(0x20, pos);
    const nul = space < 0 ? -1 : o.content.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + size > o.content.length) throw corrupt(o.oid);
    const mode = normaliseMode(o.content.subarray(pos, space).toString('latin1'));
    if (!mode) throw corrupt(o.oid);
    entries.push({
      mode,
      name: o.content.subarray(space + 1, nul).toString('utf8'),
      oid: o.content.subarray(nul + 1, nul + 1 + size).toString('hex'),
    });
    pos = nul + 1 + size;
  }
  return entries;
}

function normaliseMode(raw: string): TreeEntry['mode'] | null {
  switch (raw) {
    case '40000':
    case '040000':
      return '040000';
    case '100644':
    case '100755':
    case '120000':
    case '160000':
      return raw;
    default:
      return /^100[0-7]{3}$/.test(raw) ? (parseInt(raw.slice(3), 8) & 0o100 ? '100755' : '100644') : null;
  }
}

function corrupt(oid: string): MilestoneError {
  return new MilestoneError('CORRUPT_ENTITY', `tree ${oid}: malformed tree object`, {
    hint: `Inspect it with \`git cat-file -p ${oid}\`; \`git fsck\` checks the whole repository.`,
    data: { oid },
  });
}
