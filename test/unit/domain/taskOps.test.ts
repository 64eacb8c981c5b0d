import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/fold';
import { getHandler } from '../../../src/domain/ops/registry';
import { ALICE, BOB, caught, Log, makeOp, stored, timeAt } from './build';

describe('task.add', () => {
  it('adds a task whose id is the op hash, with defaults', () => {
    const log = new Log();
    log.create();
    const id = log.task('Write parser');
    expect(log.s.tasks).toEqual([{
      id, title: 'Write parser', description: '', status: 'pending', assignee: null, estimatedHours: null, dependsOn: [],
      startedAt: null, completedAt: null, created: { at: timeAt(2), by: ALICE }, updated: { at: timeAt(2), by: ALICE },
      deleted: false, extra: {},
    }]);
    expect(id).toBe(log.ops[1].hash);
    expect(log.s.updated.at).toBe(timeAt(2));
  });

  it('takes optional fields, a status with its timestamps, and dependencies', () => {
    const log = new Log();
    log.create();
    const a = log.task('A');
    const b = log.task('B', { description: 'd', assignee: 'bob', estimatedHours: 2.5, status: 'in_progress', dependsOn: [a], extra: { legacy: 'task-001' } });
    const c = log.task('C', { status: 'completed' });
    const [, tb, tc] = log.s.tasks;
    expect(tb).toMatchObject({ id: b, description: 'd', assignee: 'bob', estimatedHours: 2.5, status: 'in_progress', dependsOn: [a], startedAt: timeAt(3), completedAt: null, extra: { legacy: 'task-001' } });
    expect(tc).toMatchObject({ id: c, status: 'completed', completedAt: timeAt(4), startedAt: null });
  });

  it('stores hostile titles verbatim', () => {
    const log = new Log();
    log.create();
    const titles = ['"quoted"', '$(rm -rf /)', 'a\nb', 'ünï 🚀', '  spaced '];
    titles.forEach((t) => log.task(t));
    expect(log.s.tasks.map((t) => t.title)).toEqual(titles);
  });

  it('refuses unknown or removed dependencies with NOT_FOUND', () => {
    const log = new Log();
    log.create();
    const gone = log.task('Gone');
    log.write('task.remove', { task: gone });
    expect(caught(() => log.task('X', { dependsOn: ['nope'] })).code).toBe('NOT_FOUND');
    const e = caught(() => log.task('X', { dependsOn: [gone] }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/removed/);
  });

  it('refuses bad values and shapes', () => {
    const log = new Log();
    log.create();
    expect(caught(() => log.task(' ')).code).toBe('INVALID_INPUT');
    expect(caught(() => log.task('T', { status: 'kiro_managed' })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.task('T', { estimatedHours: -2 })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.task('T', { assignee: '' })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.task('T', { estimatedHours: '2' })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.task('T', { dependsOn: 'x' })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.task('T', { priority: 'high' })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('task.add', { title: 'T' })).message).toMatch(/nonce/);
    expect(caught(() => getHandler('task.add').validate(null, makeOp('task.add', { title: 'T', nonce: 'n' }, 1))).code).toBe('INVALID_OPERATION');
  });

  it('apply keeps edges to unknown tasks and drops invalid values (fold of a foreign history)', () => {
    const log = new Log();
    log.create();
    const op = log.next('task.add', { title: 'T', nonce: 'x', dependsOn: ['ghost', 'ghost'], status: 'weird', estimatedHours: -1 });
    const next = getHandler('task.add').apply(log.s, op, 'tid');
    expect(next.tasks[0]).toMatchObject({ id: 'tid', status: 'pending', estimatedHours: null, dependsOn: ['ghost'] });
    // The same task added twice (same hash) only records the op.
    const again = getHandler('task.add').apply(next, { ...op, lamport: 9 }, 'tid');
    expect(again.tasks).toHaveLength(1);
  });
});

describe('task.set', () => {
  it('sets fields and stamps task and milestone', () => {
    const log = new Log();
    log.create();
    const t = log.task('T');
    log.write('task.set', { task: t, fields: { title: 'New "T"', assignee: 'carol', estimatedHours: 0 } }, BOB);
    expect(log.s.tasks[0]).toMatchObject({ title: 'New "T"', assignee: 'carol', estimatedHours: 0, updated: { at: timeAt(3), by: BOB } });
    expect(log.s.updated.by).toEqual(BOB);
    log.write('task.set', { task: t, fields: { assignee: null } });
    expect(log.s.tasks[0].assignee).toBeNull();
  });

  it('refuses unknown task (NOT_FOUND), removed task, status and bad values', () => {
    const log = new Log();
    log.create();
    const t = log.task('T');
    expect(caught(() => log.write('task.set', { task: 'nope', fields: { title: 'x' } })).code).toBe('NOT_FOUND');
    expect(caught(() => log.write('task.set', { task: t, fields: { status: 'completed' } })).message).toMatch(/task.status/);
    expect(caught(() => log.write('task.set', { task: t, fields: { title: '' } })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('task.set', { fields: { title: 'x' } })).code).toBe('INVALID_OPERATION');
    log.write('task.remove', { task: t });
    const e = caught(() => log.write('task.set', { task: t, fields: { title: 'x' } }));
    expect(e.code).toBe('INVALID_OPERATION');
    expect(e.message).toMatch(/was removed/);
  });
});

describe('task.status', () => {
  it('moves startedAt and completedAt', () => {
    const log = new Log();
    log.create();
    const t = log.task('T');
    const task = () => log.s.tasks[0];
    log.write('task.status', { task: t, status: 'in_progress' }); // lamport 3
    expect(task()).toMatchObject({ status: 'in_progress', startedAt: timeAt(3), completedAt: null });
    log.write('task.status', { task: t, status: 'blocked' });
    log.write('task.status', { task: t, status: 'in_progress' }); // startedAt kept
    expect(task().startedAt).toBe(timeAt(3));
    log.write('task.status', { task: t, status: 'completed' }); // lamport 6
    expect(task().completedAt).toBe(timeAt(6));
    log.write('task.status', { task: t, status: 'completed' }); // still completed: kept
    expect(task().completedAt).toBe(timeAt(6));
    log.write('task.status', { task: t, status: 'pending' });
    expect(task()).toMatchObject({ status: 'pending', completedAt: null, startedAt: timeAt(3) });
  });

  it('refuses unknown statuses and tasks', () => {
    const log = new Log();
    log.create();
    const t = log.task('T');
    expect(caught(() => log.write('task.status', { task: t, status: 'done' })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('task.status', { task: t, status: 3 })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('task.status', { task: 'x', status: 'pending' })).code).toBe('NOT_FOUND');
  });
});

describe('task.remove', () => {
  it('tombstones the task; later ops on it are refused and ignored in a fold', () => {
    const log = new Log();
    log.create();
    const t = log.task('T');
    log.write('task.remove', { task: t });
    expect(log.s.tasks[0].deleted).toBe(true);
    expect(caught(() => log.write('task.remove', { task: t })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('task.status', { task: t, status: 'completed' })).code).toBe('INVALID_OPERATION');
    const late = stored(makeOp('task.status', { task: t, status: 'completed' }, 4));
    const state = fold([...log.ops, late]);
    expect(state.tasks[0]).toMatchObject({ deleted: true, status: 'pending' });
    expect(state.opCount).toBe(4);
    expect(state.updated).toEqual(log.s.updated);
  });
});
