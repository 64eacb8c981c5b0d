import { describe, expect, it } from 'vitest';
import { BatchParser, type BatchRecord } from '../../../src/storage/git/batchParser';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const stream = Buffer.concat([
  Buffer.from(`${A} blob 5\nhello\n`),
  Buffer.from(`${B} missing\n`),
  Buffer.from(`${C} blob 3\n\n\n\n\n`),
  Buffer.from(`${A} tree 0\n\n`),
]);

function parse(chunks: Buffer[]): BatchRecord[] {
  const out: BatchRecord[] = [];
  const p = new BatchParser((r) => out.push(r));
  for (const c of chunks) p.push(c);
  expect(p.buffered).toBe(0);
  return out;
}

describe('BatchParser', () => {
  const expected = [
    { oid: A, found: true, type: 'blob', data: Buffer.from('hello') },
    { oid: B, found: false, reason: 'missing' },
    { oid: C, found: true, type: 'blob', data: Buffer.from('\n\n\n') },
    { oid: A, found: true, type: 'tree', data: Buffer.alloc(0) },
  ];

  it('parses a whole stream', () => {
    expect(parse([stream])).toEqual(expected);
  });

  it('parses the same records however the stream is split', () => {
    for (let i = 1; i < stream.length; i++) {
      for (const j of [i + 1, i + 7, stream.length]) {
        const chunks = [stream.subarray(0, i), stream.subarray(i, Math.min(j, stream.length)), stream.subarray(Math.min(j, stream.length))];
        expect(parse(chunks.filter((c) => c.length > 0))).toEqual(expected);
      }
    }
  });

  it('parses a stream fed one byte at a time', () => {
    expect(parse([...stream].map((b) => Buffer.from([b])))).toEqual(expected);
  });
});
