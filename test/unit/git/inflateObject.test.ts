/**
 * inflateObject: small and large loose objects come back whole, each in memory of its own size
 * (a slice of a larger buffer would pin it while a rebuild holds a chunk of entities' objects).
 */
import * as crypto from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { objectHeader } from '../../../src/storage/format/hashObject';
import { inflateObject } from '../../../src/storage/git/inflateObject';

const loose = (content: Buffer) => zlib.deflateSync(Buffer.concat([objectHeader('blob', content.length), content]), { level: 1 });

describe('inflateObject', () => {
  it('inflates objects of any size into buffers of their own', () => {
    for (const size of [0, 1, 300, 4095, 4096, 20_000, 300_000]) {
      const content = size > 1000 ? crypto.randomBytes(size) : Buffer.from('x'.repeat(size));
      const out = inflateObject(loose(content), 'ab'.repeat(20));
      expect(out.type).toBe('blob');
      expect(out.content.equals(content)).toBe(true);
      expect(out.content.buffer.byteLength).toBe(size);
    }
  });

  it('names the object that cannot be inflated', () => {
    expect(() => inflateObject(Buffer.from('not zlib'), 'cd'.repeat(20))).toThrow(/loose object cdcd.* cannot be inflated/);
  });
});
