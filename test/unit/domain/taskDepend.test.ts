import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/fold';
import { findCycle, nodesOnCycles } from '../../../src/domain/graph';
import { caught, Log, makeOp, stored } from './build';

function chain(): { log: Log; a: string; b: string; c: string } {
  const log = new Log();
  log.create();
  const a = log.task('Write parser');
  const b = log.task('Write "lexer"', { dependsOn: [a] });
  const c = log.task('Ship', { dependsOn: [b] });
  return { log, a, b, c };
}

describe('task.depend', () => {
  it('adds and removes dependencies', () => {
    const { log, a, b, c } = chain();
    log.write('task.depend', { task: c, add: [a] });
    expect(log.s.tasks[2].dependsOn).toEqual([b, a]);
    log.write('task.depend', { task: c, remove: [b] });
    expect(log.s.tasks[2].dependsOn).toEqual([a]);
  });

  it('refuses a cycle, showing it with short ids; full ids and titles in data', () => {
    const { log, a, b, c } = chain();
    const e = caught(() => log.write('task.depend', { task: a, add: [c] }));
    expect(e.code).toBe('DEPENDENCY_CYCLE');
    const s = (id: string) => id.slice(0, 8);
    expect(e.message).toBe(`dependency cycle: ${s(a)} → ${s(c)} → ${s(b)} → ${s(a)}`);
    expect(e.data).toEqual({ cycle: [a, c, b, a], titles: ['Write parser', 'Ship', 'Write "lexer"', 'Write parser'] });
    expect(log.s.tasks[0].dependsOn).toEqual([]);
  });

  it('refuses a two-task cycle and a self-dependency', () => {
    const { log, a, b } = chain();
    expect(caught(() => log.write('task.depend', { task: a, add: [b] })).message).toBe(`dependency cycle: ${a.slice(0, 8)} → ${b.slice(0, 8)} → ${a.slice(0, 8)}`);
    const self = caught(() => log.write('task.depend', { task: a, add: [a] }));
    expect(self.code).toBe('DEPENDENCY_CYCLE');
    expect(self.data?.cycle).toEqual([a, a]);
  });

  it('allows an edge once the cycle it would close is broken by removing an edge in the same op', () => {
    const { log, a, b } = chain();
    log.write('task.depend', { task: b, add: [], remove: [a] });
    log.write('task.depend', { task: a, add: [b] });
    expect(log.s.tasks[0].dependsOn).toEqual([b]);
  });

  it('ignores removed tasks when looking for cycles', () => {
    const { log, a, b, c } = chain();
    log.write('task.remove', { task: b });
    log.write('task.depend', { task: a, add: [c] });
    expect(log.s.tasks[0].dependsOn).toEqual([c]);
  });

  it('refuses unknown tasks on either end and malformed payloads', () => {
    const { log, a, b } = chain();
    expect(caught(() => log.write('task.depend', { task: 'zz', add: [a] })).code).toBe('NOT_FOUND');
    expect(caught(() => log.write('task.depend', { task: b, add: ['zz'] })).code).toBe('NOT_FOUND');
    expect(caught(() => log.write('task.depend', { task: b, remove: ['zz'] })).code).toBe('NOT_FOUND');
    expect(caught(() => log.write('task.depend', { task: b })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('task.depend', { task: b, add: [a], remove: [a] })).code).toBe('INVALID_INPUT');
  });

  it('apply is total: concurrent edges forming a cycle are both kept in a fold', () => {
    const log = new Log();
    log.create();
    const a = log.task('A');
    const b = log.task('B');
    const ab = stored(makeOp('task.depend', { task: a, add: [b] }, 4));
    const ba = stored(makeOp('task.depend', { task: b, add: [a] }, 4));
    const state = fold([...log.ops, ab, ba]);
    expect(state.tasks.map((t) => t.dependsOn)).toEqual([[b], [a]]);
  });
});

describe('findCycle', () => {
  const g = (o: Record<string, string[]>) => new Map(Object.entries(o));

  it('returns null on a DAG', () => {
    expect(findCycle(g({ a: ['b', 'c'], b: ['c'], c: [] }))).toBeNull();
    expect(findCycle(g({ a: ['b'], b: ['c'] }), 'a')).toBeNull();
  });

  it('finds a cycle anywhere, as a closed path', () => {
    expect(findCycle(g({ x: [], a: ['b'], b: ['c'], c: ['a'] }))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(g({ a: ['a'] }))).toEqual(['a', 'a']);
  });

  it('with from, finds the shortest cycle through it only', () => {
    const edges = g({ a: ['b', 'x'], b: ['c'], c: ['a'], x: ['a'], y: ['z'], z: ['y'] });
    expect(findCycle(edges, 'a')).toEqual(['a', 'x', 'a']);
    expect(findCycle(edges, 'b')).toEqual(['b', 'c', 'a', 'b']);
    expect(findCycle(g({ a: ['y'], y: ['z'], z: ['y'] }), 'a')).toBeNull();
  });

  it('handles long chains without recursion limits', () => {
    const edges = new Map<string, string[]>();
    for (let i = 0; i < 20000; i++) edges.set(`n${i}`, [`n${i + 1}`]);
    expect(findCycle(edges)).toBeNull();
    edges.set('n20000', ['n0']);
    expect(findCycle(edges)?.length).toBe(20002);
  });

  it('nodesOnCycles lists every node on some cycle', () => {
    expect([...nodesOnCycles(g({ a: ['b'], b: ['a'], c: ['a'], d: ['d'] }))].sort()).toEqual(['a', 'b', 'd']);
  });
});
