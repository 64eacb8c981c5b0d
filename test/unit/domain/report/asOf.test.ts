import { describe, expect, it } from 'vitest';
import { fold } from '../../../../src/domain/fold';
import { foldAsOf, parseAsOf, statesAt } from '../../../../src/domain/history/asOf';
import { median, percentile } from '../../../../src/domain/report/stats';
import { weekOf } from '../../../../src/domain/report/calendar';
import type { StoredOperation } from '../../../../src/domain/types';
import { Log, makeOp, stored, timeAt } from '../build';

/** create, two tasks, statuses: op k written at minute k (Lamport k). */
function history(): StoredOperation[] {
  const log = new Log();
  log.write('milestone.create', { title: 'M', nonce: 'n' });
  const a = log.write('task.add', { title: 'A', nonce: 'a' });
  log.write('task.add', { title: 'B', nonce: 'b' });
  log.write('task.status', { task: a, status: 'in_progress' });
  log.write('task.status', { task: a, status: 'completed' });
  return log.ops;
}

describe('parseAsOf', () => {
  it('reads a bare date as the end of that UTC day, and a date-time without offset as UTC', () => {
    expect(new Date(parseAsOf('2025-01-03')).toISOString()).toBe('2025-01-03T23:59:59.999Z');
    expect(new Date(parseAsOf('2025-01-03T10:00')).toISOString()).toBe('2025-01-03T10:00:00.000Z');
    expect(new Date(parseAsOf('2025-01-03T10:00:00+02:00')).toISOString()).toBe('2025-01-03T08:00:00.000Z');
  });
  it('refuses what is no date', () => {
    for (const bad of ['yesterday', '2025-13-01', '2025-02-29', '']) expect(() => parseAsOf(bad)).toThrow(/is not a date/);
  });
});

describe('foldAsOf and statesAt', () => {
  it('fold only the operations written at or before the time; null before the creation', () => {
    const ops = history();
    expect(foldAsOf(ops, Date.parse(timeAt(1)) - 1)).toBeNull();
    expect(foldAsOf(ops, Date.parse(timeAt(2)))?.tasks.map((t) => t.title)).toEqual(['A']);
    expect(foldAsOf(ops, Date.parse(timeAt(4)))?.tasks[0].status).toBe('in_progress');
    expect(foldAsOf(ops, Date.parse(timeAt(9)))).toEqual(fold(ops));
  });

  it('statesAt gives foldAsOf at every time, also when author times disagree with fold order', () => {
    const ops = history();
    // Another clone's clock ran behind: its later operation (Lamport 6) carries an earlier time.
    const a = ops[1].hash;
    const skewed = [...ops, stored(makeOp('task.set', { task: a, fields: { title: 'A2' } }, 6, undefined, timeAt(3.5)))];
    const times = [0, 1, 2, 3, 3.5, 4, 5, 6].map((m) => Date.parse(timeAt(m)));
    for (const list of [ops, skewed]) {
      expect(statesAt(list, times)).toEqual(times.map((t) => foldAsOf(list, t)));
    }
    expect(statesAt(skewed, times)[4]?.tasks[0].title).toBe('A2');
  });
});

describe('stats and calendar', () => {
  it('median is the middle (mean of two), the 85th percentile the nearest rank', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 85)).toBe(9);
    expect(percentile([5], 85)).toBe(5);
  });
  it('weeks start on Monday (UTC)', () => {
    expect(weekOf(Date.parse('2025-01-05T23:59:59Z'))).toBe('2024-12-30');
    expect(weekOf(Date.parse('2025-01-06T00:00:00Z'))).toBe('2025-01-06');
  });
});
