/**
 * Causal registers and add-wins sets in the fold, built from hand-stamped operations: what the
 * writer saw (`prev`) decides between overwrite and conflict, equal concurrent values are no
 * conflict, an operation without `prev` overwrites everything before it, task status conflicts
 * move timestamps only for the shown value, last_writer_wins picks by wall clock, and the result
 * is the same in every order.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonical';
import { conflictsOf } from '../../../src/domain/conflicts';
import { fold } from '../../../src/domain/fold';
import { prepareOperation } from '../../../src/domain/ops/prepare';
import type { MilestoneState, StoredOperation } from '../../../src/domain/types';
import { ALICE, BOB, Log, makeOp, prng, shuffle, stored, timeAt } from './build';

/** An operation as the engine would write it on `state`: prev stamped, Lamport = clock + 1. */
function written(state: MilestoneState, type: string, payload: Record<string, unknown>, author = ALICE, minutes?: number): StoredOperation {
  const draft = prepareOperation(state, { type, ...payload });
  const { type: t, ...rest } = draft;
  return stored(makeOp(t, rest, state.clock + 1, author, minutes === undefined ? undefined : timeAt(minutes)));
}

function base() {
  const log = new Log();
  log.create('Base', { labels: ['keep'] });
  const task = log.task('T');
  return { log, task, s: log.s };
}

describe('registers in the fold', () => {
  it('concurrent different values conflict; equal ones do not; a write that saw both resolves it', () => {
    const { log, s } = base();
    const a = written(s, 'milestone.set', { fields: { title: 'A', priority: 'high' } });
    const b = written(s, 'milestone.set', { fields: { title: 'B', priority: 'high' } }, BOB);
    const merged = fold([...log.ops, a, b]);
    expect(conflictsOf(merged).map((c) => [c.field, c.values.map((v) => v.value).sort()])).toEqual([['title', ['A', 'B']]]);
    const fix = written(merged, 'milestone.set', { fields: { title: 'C' } });
    expect([...(fix.op.prev as { title: string[] }).title].sort()).toEqual([a.hash, b.hash].sort());
    const resolved = fold([...log.ops, a, b, fix]);
    expect([resolved.title, conflictsOf(resolved)]).toEqual(['C', []]);
  });

  it('an operation without prev overwrites whatever was folded before it (the old meaning)', () => {
    const { log, s } = base();
    const a = written(s, 'milestone.set', { fields: { title: 'A' } });
    const legacy = stored(makeOp('milestone.set', { fields: { title: 'Old client' } }, s.clock + 2, BOB));
    const state = fold([...log.ops, a, legacy]);
    expect([state.title, conflictsOf(state)]).toEqual(['Old client', []]);
  });

  it('task status conflicts keep timestamps of the shown value; last_writer_wins takes the later time', () => {
    const { log, task, s } = base();
    const done = written(s, 'task.status', { task, status: 'completed' }, ALICE, 100);
    const blocked = written(s, 'task.status', { task, status: 'blocked' }, BOB, 50);
    const merged = fold([...log.ops, done, blocked]);
    const t = merged.tasks[0];
    expect(conflictsOf(merged)).toMatchObject([{ field: 'status', task }]);
    expect(t.completedAt).toBe(t.status === 'completed' ? timeAt(100) : null);
    const lww = fold([...log.ops, done, blocked], { policy: 'last_writer_wins' });
    expect([lww.tasks[0].status, lww.tasks[0].completedAt, conflictsOf(lww)]).toEqual(['completed', timeAt(100), []]);
  });

  it('add wins over a concurrent remove that did not see the add; a remove that saw it wins', () => {
    const { log, s } = base();
    const remove = written(s, 'milestone.label', { remove: ['keep'] });
    const afterRemove = fold([...log.ops, remove]);
    const readd = written(afterRemove, 'milestone.label', { add: ['keep'] }, BOB);
    const lateRemove = stored(makeOp('milestone.label', { remove: ['keep'], prev: { keep: [''] } }, readd.op.lamport + 1));
    expect(fold([...log.ops, remove, readd, lateRemove]).labels).toEqual(['keep']);
    const seenRemove = written(fold([...log.ops, remove, readd]), 'milestone.label', { remove: ['keep'] });
    expect(fold([...log.ops, remove, readd, seenRemove]).labels).toEqual([]);
  });

  it('gives the same bytes in any order', () => {
    const { log, task, s } = base();
    const ops = [
      written(s, 'milestone.set', { fields: { title: 'A', dueDate: '2027-01-01' } }),
      written(s, 'milestone.set', { fields: { title: 'B' } }, BOB),
      written(s, 'milestone.set-extra', { fields: { k: 1 } }),
      written(s, 'milestone.set-extra', { fields: { k: null } }, BOB),
      written(s, 'task.set', { task, fields: { assignee: 'ann' } }),
      written(s, 'task.set', { task, fields: { assignee: 'bob' } }, BOB),
      written(s, 'milestone.archive', { archived: true }),
      written(s, 'milestone.label', { add: ['x'], remove: ['keep'] }, BOB),
    ];
    const expected = canonicalJson(fold([...log.ops, ...ops]));
    const random = prng(5);
    for (let i = 0; i < 20; i++) expect(canonicalJson(fold(shuffle([...log.ops, ...ops], random)))).toBe(expected);
    expect(conflictsOf(JSON.parse(expected)).map((c) => c.field)).toEqual(['title', 'extra.k', 'assignee']);
  });
});
