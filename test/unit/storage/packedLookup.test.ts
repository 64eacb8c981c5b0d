/**
 * Binary search over packed-refs bytes finds exactly what the full parse finds: every present ref,
 * nothing for absent ones, with peeled lines anywhere, and falls back on unsorted files.
 */
import { describe, expect, it } from 'vitest';
import { lookupPackedRef, parsePackedRefs } from '../../../src/storage/git/packedRefs';

const oid = (i: number) => i.toString(16).padStart(40, '0');

function file(names: string[], opts: { sorted?: boolean; peelEvery?: number } = {}): Buffer {
  const lines = [opts.sorted === false ? '# pack-refs with: peeled fully-peeled ' : '# pack-refs with: peeled fully-peeled sorted '];
  names.forEach((n, i) => {
    lines.push(`${oid(i + 1)} ${n}`);
    if (opts.peelEvery && i % opts.peelEvery === 0) lines.push(`^${oid(9000 + i)}`);
  });
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('lookupPackedRef', () => {
  const names = Array.from({ length: 500 }, (_, i) => `refs/milestones/milestone/${(i * 7919).toString(16).padStart(8, '0')}`).sort();
  for (const peelEvery of [0, 1, 3]) {
    it(`finds every ref and only those (peeled every ${peelEvery || 'never'})`, () => {
      const buf = file(names, { peelEvery });
      const all = parsePackedRefs(buf.toString());
      for (const n of names) expect(lookupPackedRef(buf, n, () => all)).toBe(all.get(n));
      for (const absent of ['refs/a', 'refs/milestones/milestone/0', 'refs/zzz', `${names[10]}0`]) {
        expect(lookupPackedRef(buf, absent, () => all)).toBeNull();
      }
    });
  }

  it('falls back to the full parse when the file is not marked sorted', () => {
    const buf = file([...names].reverse(), { sorted: false });
    let parsed = 0;
    const all = () => {
      parsed++;
      return parsePackedRefs(buf.toString());
    };
    expect(lookupPackedRef(buf, names[3], all)).not.toBeNull();
    expect(parsed).toBe(1);
  });

  it('an empty file has no refs', () => {
    expect(lookupPackedRef(Buffer.alloc(0), 'refs/x', () => new Map())).toBeNull();
  });
});
