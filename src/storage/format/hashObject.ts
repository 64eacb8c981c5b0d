/**
 * Object ids and framing: an object's id is the hash (sha1 or sha256, per the repository's object
 * format) of `<type> <size>\0<content>`, and that same framed form is what a loose object stores
 * deflated. Also the oid shape checks every adapter uses before touching a path or a pipe.
 */
import { crypto } from '../../env/builtins';
import { MilestoneError } from '../../errors/MilestoneError';
import type { GitObjectType, ObjectFormat } from '../ports';

export interface HashObjectOptions {
  type: GitObjectType;
  content: Buffer;
  format: ObjectFormat;
}

export function hashObject(o: HashObjectOptions): string {
  return crypto().createHash(o.format).update(objectHeader(o.type, o.content.length)).update(o.content).digest('hex');
}

export function objectHeader(type: GitObjectType, size: number): Buffer {
  return Buffer.from(`${type} ${size}\0`, 'latin1');
}

/** Bytes of a binary oid (inside tree objects). */
export function oidBytes(format: ObjectFormat): number {
  return format === 'sha256' ? 32 : 20;
}

export function isOid(value: unknown, format?: ObjectFormat): value is string {
  if (typeof value !== 'string') return false;
  if (format) return value.length === oidBytes(format) * 2 && /^[0-9a-f]+$/.test(value);
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}

export function assertOid(value: unknown, format?: ObjectFormat): string {
  if (isOid(value, format)) return value;
  throw new MilestoneError('INVALID_INPUT', `not a ${format ?? 'git'} object id: ${JSON.stringify(value)}`, {
    hint: 'Object ids are full lowercase hex: 40 characters (sha1) or 64 (sha256).',
  });
}

/** Splits a framed object (`<type> <size>\0<content>`) and checks its declared size. */
export function unframe(framed: Buffer, where: string): { type: GitObjectType; content: Buffer } {
  const nul = framed.indexOf(0);
  const m = nul > 0 ? /^(blob|tree|commit|tag) (\d+)$/.exec(framed.subarray(0, nul).toString('latin1')) : null;
  const content = framed.subarray(nul + 1);
  if (!m || Number(m[2]) !== content.length) {
    throw new MilestoneError('CORRUPT_ENTITY', `${where}: malformed object header`, {
      hint: 'Run `git fsck` to check the repository.',
    });
  }
  return { type: m[1] as GitObjectType, content };
}
