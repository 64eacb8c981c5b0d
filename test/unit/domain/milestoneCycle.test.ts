import { describe, expect, it } from 'vitest';
import { milestoneCycleError, milestoneCycles } from '../../../src/domain/milestoneCycle';

const id = (c: string) => c.repeat(64);
const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map(id);

describe('milestone dependency cycles', () => {
  it('names one cycle per group of milestones on cycles, none for a DAG', () => {
    expect(milestoneCycles(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
    const edges = new Map([[a, [b]], [b, [a, c]], [c, [d]], [d, [c]], [e, [e]]]);
    expect(milestoneCycles(edges)).toEqual([[a, b, a], [c, d, c], [e, e]]);
  });

  it('the error has the task cycle shape: code, short ids in the message, full ids and titles in data', () => {
    const err = milestoneCycleError([a, b, c, a], (m) => ({ [a]: 'A', [b]: 'B', [c]: 'C' })[m] ?? '');
    expect(err.code).toBe('DEPENDENCY_CYCLE');
    expect(err.message).toBe('dependency cycle: aaaaaaaa → bbbbbbbb → cccccccc → aaaaaaaa');
    expect(err.data).toEqual({ cycle: [a, b, c, a], titles: ['A', 'B', 'C', 'A'] });
    expect(err.hint).toContain('git milestone edit bbbbbbbb --no-depends-on cccccccc');
    expect(milestoneCycleError([a, a], () => 'A').hint).toBe('A milestone cannot depend on itself.');
  });
});
