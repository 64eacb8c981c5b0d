import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/fold';
import { getHandler } from '../../../src/domain/ops/registry';
import { caught, Log, makeOp, stored } from './build';

describe('milestone.label', () => {
  it('adds and removes with set semantics, sorted by code unit', () => {
    const log = new Log();
    log.create('M', { labels: ['b'] });
    log.write('milestone.label', { add: ['z', 'a', 'B', 'b', 'ü'] });
    expect(log.s.labels).toEqual(['B', 'a', 'b', 'z', 'ü']);
    log.write('milestone.label', { remove: ['b', 'missing'] });
    expect(log.s.labels).toEqual(['B', 'a', 'z', 'ü']);
    expect(log.s.opCount).toBe(3);
  });

  it('keeps quotes and unicode in labels', () => {
    const log = new Log();
    log.create();
    log.write('milestone.label', { add: ['say "x"', '$(rm -rf /)', '🚀'] });
    expect(log.s.labels).toEqual(['$(rm -rf /)', 'say "x"', '🚀']);
  });

  it('refuses empty changes, bad labels and a label on both sides', () => {
    const log = new Log();
    log.create();
    expect(caught(() => log.write('milestone.label', {})).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('milestone.label', { add: 'x' })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('milestone.label', { add: [''] })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('milestone.label', { add: ['a\nb'] })).message).toMatch(/control characters/);
    expect(caught(() => log.write('milestone.label', { add: ['x'], remove: ['x'] })).message).toMatch(/both added and removed/);
  });

  it('apply drops labels validate would refuse', () => {
    const log = new Log();
    log.create();
    const next = getHandler('milestone.label').apply(log.s, log.next('milestone.label', { add: ['ok', ' bad', ''] }), 'h');
    expect(next.labels).toEqual(['ok']);
  });
});

describe('milestone.depend', () => {
  it('adds and removes milestone ids in order of first addition', () => {
    const log = new Log();
    log.create();
    log.write('milestone.depend', { add: ['m2', 'm1'] });
    log.write('milestone.depend', { add: ['m3', 'm2'], remove: ['m1'] });
    expect(log.s.dependsOn).toEqual(['m2', 'm3']);
  });

  it('refuses depending on itself (id or alias) as a cycle', () => {
    const log = new Log();
    const id = log.create('Self');
    log.write('milestone.alias', { add: ['milestone-001'] });
    const e = caught(() => log.write('milestone.depend', { add: [id] }));
    expect(e.code).toBe('DEPENDENCY_CYCLE');
    expect(e.message).toBe(`dependency cycle: ${id.slice(0, 8)} → ${id.slice(0, 8)}`);
    expect(caught(() => log.write('milestone.depend', { add: ['milestone-001'] })).code).toBe('DEPENDENCY_CYCLE');
    const next = getHandler('milestone.depend').apply(log.s, log.next('milestone.depend', { add: [id, 'other'] }), 'h');
    expect(next.dependsOn).toEqual(['other']);
  });
});

describe('milestone.alias', () => {
  it('adds and removes aliases', () => {
    const log = new Log();
    log.create();
    log.write('milestone.alias', { add: ['milestone-001', 'm1'] });
    log.write('milestone.alias', { add: ['m2'], remove: ['m1'] });
    expect(log.s.aliases).toEqual(['milestone-001', 'm2']);
  });

  it('refuses an alias equal to the id, or not a usable token', () => {
    const log = new Log();
    const id = log.create();
    expect(caught(() => log.write('milestone.alias', { add: [id] })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('milestone.alias', { add: ['a '] })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('milestone.alias', { remove: 'x' })).code).toBe('INVALID_OPERATION');
  });
});

describe('milestone.archive', () => {
  it('archives and unarchives without touching the status', () => {
    const log = new Log();
    log.create('M', { fields: { status: 'completed' } });
    log.write('milestone.archive', { archived: true });
    expect(log.s).toMatchObject({ archived: true, status: 'completed' });
    log.write('milestone.archive', { archived: false });
    expect(log.s.archived).toBe(false);
  });

  it('refuses a non-boolean', () => {
    const log = new Log();
    log.create();
    expect(caught(() => log.write('milestone.archive', { archived: 'yes' })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('milestone.archive', {})).code).toBe('INVALID_OPERATION');
  });
});

describe('milestone.delete (tombstone)', () => {
  it('marks the milestone deleted', () => {
    const log = new Log();
    log.create();
    log.write('milestone.delete', {});
    expect(log.s.deleted).toBe(true);
  });

  it('validate refuses every later operation with INVALID_OPERATION', () => {
    const log = new Log();
    log.create();
    const task = log.task('T');
    log.write('milestone.delete', {});
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['milestone.set', { fields: { title: 'x' } }], ['milestone.set-extra', { fields: { a: 1 } }],
      ['milestone.label', { add: ['a'] }], ['milestone.depend', { add: ['m'] }], ['milestone.alias', { add: ['a'] }],
      ['milestone.archive', { archived: true }], ['milestone.delete', {}], ['task.add', { title: 'x', nonce: 'q' }],
      ['task.set', { task, fields: { title: 'x' } }], ['task.status', { task, status: 'completed' }], ['task.remove', { task }],
    ];
    for (const [type, payload] of attempts) {
      const e = caught(() => log.write(type, payload));
      expect(e.code, type).toBe('INVALID_OPERATION');
      expect(e.message, type).toMatch(/is deleted/);
    }
  });

  it('in a fold, operations sorted after the delete take no effect (tombstone wins)', () => {
    const log = new Log();
    log.create('Before');
    log.write('milestone.delete', {});
    const late = stored(makeOp('milestone.set', { fields: { title: 'After' } }, 3));
    const lateTask = stored(makeOp('task.add', { title: 'Late', nonce: 'x' }, 4));
    const state = fold([...log.ops, late, lateTask]);
    expect(state).toMatchObject({ deleted: true, title: 'Before', tasks: [], clock: 4, opCount: 4 });
    expect(state.updated).toEqual(log.s.updated);
  });

  it('a concurrent edit sorted before the delete still applies, and the milestone ends deleted', () => {
    const log = new Log();
    log.create('Before');
    const del = stored(makeOp('milestone.delete', {}, 2));
    const edit = stored(makeOp('milestone.set', { fields: { title: 'Edited' } }, 2));
    const state = fold([...log.ops, del, edit]);
    expect(state.deleted).toBe(true);
    const editFirst = edit.hash < del.hash;
    expect(state.title).toBe(editFirst ? 'Edited' : 'Before');
  });
});
