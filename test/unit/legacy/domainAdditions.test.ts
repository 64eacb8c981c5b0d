/**
 * The two additions the importer makes to the domain: task.add may carry the recorded startedAt /
 * completedAt of a legacy task, and canonicalJsonFast gives canonicalJson's exact text.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonical';
import { canonicalJsonFast } from '../../../src/domain/canonicalFast';
import { getHandler } from '../../../src/domain/ops/registry';
import { caught, Log, timeAt } from '../domain/build';

describe('task.add startedAt / completedAt', () => {
  it('keeps recorded times instead of the operation time', () => {
    const log = new Log();
    log.create();
    log.task('A', { status: 'completed', startedAt: '2024-03-01', completedAt: '2024-03-02T10:00:00Z' });
    log.task('B', { status: 'in_progress', startedAt: '2024-03-05T08:00:00Z' });
    log.task('C', { status: 'pending', completedAt: '2024-03-02' });
    const [a, b, c] = log.s.tasks;
    expect(a).toMatchObject({ startedAt: '2024-03-01', completedAt: '2024-03-02T10:00:00Z' });
    expect(b).toMatchObject({ startedAt: '2024-03-05T08:00:00Z', completedAt: null });
    expect(c).toMatchObject({ startedAt: null, completedAt: null });
  });

  it('falls back to the operation time without them, and refuses values that are not dates', () => {
    const log = new Log();
    log.create();
    log.task('A', { status: 'completed' });
    expect(log.s.tasks[0].completedAt).toBe(timeAt(2));
    const handler = getHandler('task.add');
    expect(caught(() => handler.validate(log.s, log.next('task.add', { title: 'x', nonce: 'n', startedAt: 'soon' }))).code).toBe('INVALID_INPUT');
    expect(caught(() => handler.check(log.next('task.add', { title: 'x', nonce: 'n', completedAt: 5 }))).code).toBe('INVALID_OPERATION');
  });
});

describe('canonicalJsonFast', () => {
  const samples: unknown[] = [
    null, true, 0, -0, 1.5, 1e21, 'a"\\\u0001\u2028é🚀', [], {}, [1, [2, [3]]], { b: 1, a: { d: [null, 'x'], c: true } },
    { __proto__x: 1, 'ü': 2, Z: 3, a: 4, '': 5, '10': 6, '9': 7 },
    { skip: undefined, keep: 1 }, [undefined, 1], { d: new Date(0) },
  ];
  it('gives canonicalJson text for plain data and hands the rest to it', () => {
    for (const v of samples) expect(canonicalJsonFast(v)).toBe(canonicalJson(v));
  });

  it('matches on random nested data', () => {
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const gen = (depth: number): unknown => {
      const k = rnd(depth > 3 ? 4 : 6);
      if (k === 0) return rnd(2) === 0 ? null : rnd(2) === 0;
      if (k === 1) return rnd(100000) / (1 + rnd(7)) - 500;
      if (k === 2) return String.fromCharCode(...Array.from({ length: rnd(6) }, () => 32 + rnd(300)));
      if (k === 3) return `k${rnd(50)}`;
      if (k === 4) return Array.from({ length: rnd(5) }, () => gen(depth + 1));
      return Object.fromEntries(Array.from({ length: rnd(6) }, () => [String.fromCharCode(65 + rnd(58)) + rnd(9), gen(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const v = gen(0);
      expect(canonicalJsonFast(v)).toBe(canonicalJson(v));
    }
  });

  it('reports what canonicalJson refuses, the same way', () => {
    for (const bad of [{ n: NaN }, [Infinity], { f: () => 1 }]) {
      expect(caught(() => canonicalJsonFast(bad)).message).toBe(caught(() => canonicalJson(bad)).message);
    }
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(caught(() => canonicalJsonFast(cycle)).message).toMatch(/circular/);
  });
});
