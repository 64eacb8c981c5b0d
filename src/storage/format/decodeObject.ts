/**
 * Turns a (type, content) pair read from anywhere (a loose object, `git cat-file --batch`, the
 * in-memory double) into a ports.ts RawObject, and checks that an object has the type a caller
 * asked for.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { RawObject } from '../ports';
import { parseCommit } from './parseCommit';
import { parseTree } from './parseTree';
import type { GitObjectType, ObjectFormat } from '../ports';

export interface DecodeObjectOptions {
  oid: string;
  type: GitObjectType;
  content: Buffer;
  format: ObjectFormat;
}

export function decodeObject(o: DecodeObjectOptions): RawObject {
  switch (o.type) {
    case 'blob':
      return { type: 'blob', oid: o.oid, data: o.content };
    case 'tree':
      return { type: 'tree', oid: o.oid, entries: parseTree({ content: o.content, format: o.format, oid: o.oid }) };
    case 'commit':
      return { type: 'commit', oid: o.oid, commit: parseCommit({ content: o.content, oid: o.oid }) };
    default:
      throw wrongType(o.oid, o.type, 'blob, tree or commit');
  }
}

export function expectType(oid: string, actual: GitObjectType, expected: GitObjectType): void {
  if (actual !== expected) throw wrongType(oid, actual, expected);
}

function wrongType(oid: string, actual: string, expected: string): MilestoneError {
  return new MilestoneError('CORRUPT_ENTITY', `object ${oid} is a ${actual}, expected a ${expected}`, {
    hint: `Inspect it with \`git cat-file -t ${oid}\`.`,
    data: { oid, type: actual },
  });
}

export function objectNotFound(oid: string): MilestoneError {
  return new MilestoneError('NOT_FOUND', `object ${oid} not found in the repository`, {
    hint: 'It may have been pruned, or this clone lacks it: fetch refs/milestones/* from the remote, or run `git fsck`.',
    data: { oid },
  });
}
