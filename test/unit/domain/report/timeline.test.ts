import { describe, expect, it } from 'vitest';
import { foldAsOf } from '../../../../src/domain/history/asOf';
import { remainingOf, summaryTimeline, valueAt, workTimeline } from '../../../../src/domain/history/timeline';
import { burndownOf, MAX_POINTS } from '../../../../src/domain/report/burndown';
import { chartDays } from '../../../../src/domain/report/calendar';
import { summarize } from '../../../../src/domain/summary';
import type { StoredOperation } from '../../../../src/domain/types';
import { Log, makeOp, stored, timeAt } from '../build';

/** create, tasks with estimates, statuses, a removal; op k at minute k; plus a skewed clock's op. */
function history(): StoredOperation[] {
  const log = new Log();
  log.write('milestone.create', { title: 'M', nonce: 'n' });
  const a = log.write('task.add', { title: 'A', nonce: 'a', estimatedHours: 2 });
  const b = log.write('task.add', { title: 'B', nonce: 'b', estimatedHours: 3.5 });
  log.write('task.status', { task: a, status: 'in_progress' });
  log.write('task.status', { task: a, status: 'completed' });
  log.write('task.remove', { task: b });
  // Another clone's clock ran behind: a later operation (Lamport 7) stamped between minutes 3 and 4.
  return [...log.ops, stored(makeOp('task.add', { title: 'C', nonce: 'c', estimatedHours: 1 }, 7, undefined, timeAt(3.5)))];
}

const instants = [-1, 0, 0.5, 1, 2, 2.9, 3, 3.5, 3.7, 4, 5, 6, 99].map((m) => Date.parse(timeAt(m)));

describe('timelines', () => {
  it('a summary timeline answers every instant as summarize(foldAsOf) does, with no folding', () => {
    const ops = history();
    const timeline = summaryTimeline(ops);
    for (const at of instants) {
      const folded = foldAsOf(ops, at);
      expect(valueAt(timeline, at, null)).toEqual(folded === null ? null : summarize(folded));
    }
    expect(valueAt(timeline, Date.parse(timeAt(3.7)), null)?.taskCount).toBe(3);
  });

  it('a work timeline gives the remaining tasks and hours as of every instant', () => {
    const ops = history();
    const work = workTimeline(ops);
    for (const at of instants) {
      const folded = foldAsOf(ops, at);
      expect(valueAt(work, at, null)).toEqual(folded === null ? null : remainingOf(folded));
    }
    expect(valueAt(work, Date.parse(timeAt(4)), null)).toEqual({ tasks: 3, hours: 6.5 });
    expect(valueAt(work, Date.parse(timeAt(99)), null)).toEqual({ tasks: 1, hours: 1 });
  });

  it('valueAt is a binary search: the last entry at or before, `before` ahead of them all', () => {
    const t: Array<[number, string]> = [[10, 'a'], [20, 'b'], [30, 'c']];
    expect([5, 10, 15, 20, 29, 30, 31].map((x) => valueAt(t, x, '-'))).toEqual(['-', 'a', 'a', 'b', 'b', 'c', 'c']);
    expect(valueAt([], 1, null)).toBeNull();
  });
});

describe('burndown span', () => {
  it('charts every day up to MAX_POINTS, else every k-th day with the ends and today kept', () => {
    expect(chartDays('2025-01-01', '2025-01-05', [], MAX_POINTS)).toHaveLength(5);
    const days = chartDays('2025-01-01', '2028-01-01', ['2025-02-03'], MAX_POINTS);
    expect(days.length).toBeLessThanOrEqual(MAX_POINTS + 2);
    expect(days[0]).toBe('2025-01-01');
    expect(days).toContain('2025-02-03');
    expect(days[days.length - 1]).toBe('2028-01-01');
    expect([...days].sort()).toEqual(days);
  });

  it('a due date years ahead does not list a thousand days, and the figures match the folded ones', () => {
    const log = new Log();
    const created = log.write('milestone.create', { title: 'M', nonce: 'n', fields: { dueDate: '2030-01-01' } });
    log.write('task.add', { title: 'A', nonce: 'a', estimatedHours: 2 });
    const state = foldAsOf(log.ops, Infinity);
    expect(state?.dueDate).toBe('2030-01-01');
    const now = Date.parse(timeAt(60 * 24 * 3));
    const b = burndownOf([{ id: created, ops: log.ops, state: state! }], Date.parse(timeAt(1)), now);
    expect(b.days.length).toBeLessThanOrEqual(MAX_POINTS + 2);
    expect(b.days[b.days.length - 1]).toMatchObject({ date: '2030-01-01', idealTasks: 0 });
    const today = b.days.filter((d) => d.remainingTasks !== null);
    expect(today[today.length - 1]).toMatchObject({ date: new Date(now).toISOString().slice(0, 10), remainingTasks: 1, remainingHours: 2 });
  });
});
