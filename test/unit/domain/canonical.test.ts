import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonical';
import { hashOperation, storeOperation, verifyOperation } from '../../../src/domain/hash';
import { makeOp } from './build';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever the key insertion order', () => {
    const a = { x: 1, y: { p: true, q: null } };
    const b = { y: { q: null, p: true }, x: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('sorts keys by code unit, not locale', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"é":3}');
  });

  it('follows JSON for undefined, toJSON and escapes', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson({ d: { toJSON: () => 'D' } })).toBe('{"d":"D"}');
    expect(canonicalJson('a"b\n$(rm -rf /)')).toBe('"a\\"b\\n$(rm -rf /)"');
    expect(JSON.parse(canonicalJson({ t: '🚀 ünïcode' }))).toEqual({ t: '🚀 ünïcode' });
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite number NaN at \$\.n/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(/non-finite/);
    expect(() => canonicalJson({ b: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });
});

describe('hashOperation', () => {
  const op = makeOp('milestone.create', { title: 'T', nonce: 'n' }, 1);

  it('is sha256 hex of the canonical JSON', () => {
    const h = hashOperation(op);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOperation({ ...op })).toBe(h);
    // Reordered keys: same hash.
    const reordered = Object.fromEntries(Object.entries(op).reverse()) as typeof op;
    expect(hashOperation(reordered)).toBe(h);
  });

  it('changes with any value', () => {
    expect(hashOperation({ ...op, title: 'T ' })).not.toBe(hashOperation(op));
    expect(hashOperation({ ...op, lamport: 2 })).not.toBe(hashOperation(op));
  });

  it('is stable across runs (known vector)', () => {
    // sha256 of {"a":1} computed independently.
    expect(hashOperation({ a: 1 } as never)).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('storeOperation / verifyOperation', () => {
    const s = storeOperation(op);
    expect(verifyOperation(s)).toBe(true);
    expect(verifyOperation({ ...s, op: { ...op, title: 'X' } })).toBe(false);
  });
});
