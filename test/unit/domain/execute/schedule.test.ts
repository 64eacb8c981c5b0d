import { describe, expect, it } from 'vitest';
import { planRounds } from '../../../../src/domain/execute/plan';
import { afterFailure, mergeOrder, startable, type SchedTask } from '../../../../src/domain/execute/schedule';

const none = new Set<string>();
const run = (o: Partial<Record<'running' | 'unmerged' | 'skip' | 'resumable', string[]>> = {}) => ({
  running: new Set(o.running ?? []), unmerged: new Set(o.unmerged ?? []), skip: new Set(o.skip ?? []), resumable: new Set(o.resumable ?? []),
});
const tasks: SchedTask[] = [
  { id: 'a', dependsOn: [], status: 'pending' },
  { id: 'b', dependsOn: ['a'], status: 'pending' },
  { id: 'c', dependsOn: [], status: 'pending' },
  { id: 'd', dependsOn: ['b', 'c'], status: 'pending' },
  { id: 'e', dependsOn: [], status: 'in_progress' },
];

describe('execute scheduler', () => {
  it('starts ready tasks up to the free agents, in creation order; sequential and simple run one', () => {
    expect(startable(tasks, run(), 'parallel', 4)).toEqual(['a', 'c']);
    expect(startable(tasks, run({ running: ['a'] }), 'parallel', 2)).toEqual(['c']);
    expect(startable(tasks, run(), 'sequential', 4)).toEqual(['a']);
    expect(startable(tasks, run({ running: ['a'] }), 'simple', 4)).toEqual([]);
  });

  it('takes up in-progress tasks only when resuming them, and never skipped ones', () => {
    expect(startable(tasks, run({ resumable: ['e'], skip: ['c'] }), 'parallel', 4)).toEqual(['a', 'e']);
  });

  it('a dependent waits until its dependency is completed and merged back', () => {
    const done = tasks.map((t) => (t.id === 'a' ? { ...t, status: 'completed' } : t));
    expect(startable(done, run({ unmerged: ['a'] }), 'parallel', 4)).toEqual(['c']);
    expect(startable(done, run(), 'parallel', 4)).toEqual(['b', 'c']);
  });

  it('merges dependencies first', () => {
    expect(mergeOrder(tasks, new Set(['d', 'b', 'a']))).toEqual(['a', 'b', 'd']);
    expect(mergeOrder(tasks, new Set(['d', 'c']))).toEqual(['c', 'd']);
  });

  it('retries up to max retries, then blocks', () => {
    expect(afterFailure(1, 2)).toBe('retry');
    expect(afterFailure(3, 2)).toBe('block');
    expect(afterFailure(1, 0)).toBe('block');
  });

  it('plans rounds; a task behind a blocked dependency is never reached', () => {
    expect(planRounds(tasks, 'parallel', 2)).toEqual({ rounds: [{ round: 1, tasks: ['a', 'c'] }, { round: 2, tasks: ['b', 'e'] }, { round: 3, tasks: ['d'] }], waiting: [] });
    const blocked = tasks.map((t) => (t.id === 'a' ? { ...t, status: 'blocked' } : t));
    expect(planRounds(blocked, 'parallel', 4).waiting).toEqual(['b', 'd']);
    expect(none.size).toBe(0);
  });
});
