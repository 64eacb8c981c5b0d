/**
 * One loose object's bytes (zlib-deflated `<type> <size>\0<content>`) inflated and unframed, its
 * content in memory of its own. Sized for the many small objects git-milestone writes: node's
 * inflateSync answers with a slice of a 16 KB output buffer by default (a malloc per object), and
 * any slice pins its whole buffer while an entity is being read.
 */
import { zlib } from '../../env/builtins';
import { MilestoneError } from '../../errors/MilestoneError';
import { unframe } from '../format/hashObject';
import type { GitObjectType } from './types';

/**
 * The output buffer of one inflate: under 4 KB node takes it from its shared pool; an object larger
 * than the guess is inflated in several pieces and joined.
 */
function inflateChunk(deflated: number): number {
  return Math.max(64, Math.min(4095, deflated * 4));
}

/**
 * The content in memory of its own size. A slice of node's shared 8 KB pool would pin the whole
 * slab: a cold rebuild holds a chunk of entities' objects at once, and tens of MB of half-dead
 * slabs piled up between full collections (the largest part of its peak RSS beyond the heap).
 */
function ownCopy(content: Buffer): Buffer {
  const out = Buffer.allocUnsafeSlow(content.length);
  content.copy(out);
  return out;
}

export function inflateObject(raw: Buffer, oid: string): { type: GitObjectType; content: Buffer } {
  let framed: Buffer;
  try {
    framed = zlib().inflateSync(raw, { chunkSize: inflateChunk(raw.length) });
  } catch (e) {
    const why = (e as Error).message;
    throw new MilestoneError('CORRUPT_ENTITY', `loose object ${oid} cannot be inflated: ${why}`, {
      hint: 'Run `git fsck` to check the repository.',
      cause: e,
      data: { oid },
    });
  }
  const obj = unframe(framed, `object ${oid}`);
  return { type: obj.type, content: ownCopy(obj.content) };
}
