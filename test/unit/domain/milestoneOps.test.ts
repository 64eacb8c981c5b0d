import { describe, expect, it } from 'vitest';
import { getHandler } from '../../../src/domain/ops/registry';
import { ALICE, BOB, caught, Log, makeOp, stored, timeAt } from './build';

const create = getHandler('milestone.create');

describe('milestone.create', () => {
  it('creates the state with defaults; id is the op hash', () => {
    const log = new Log();
    const id = log.create('First');
    expect(log.s).toEqual({
      id, aliases: [], title: 'First', description: '', status: 'planned', priority: null, category: null,
      labels: [], startDate: null, dueDate: null, estimatedHours: null, successCriteria: [], deliverables: [],
      risks: [], resources: {}, dependsOn: [], extra: {}, tasks: [], archived: false, deleted: false,
      created: { at: timeAt(1), by: ALICE }, updated: { at: timeAt(1), by: ALICE }, clock: 1, opCount: 1,
    });
    expect(id).toBe(log.ops[0].hash);
  });

  it('presets fields, sorted labels and verbatim extra (nulls kept)', () => {
    const log = new Log();
    log.create('M', {
      fields: { status: 'in_progress', priority: 'high', dueDate: '2024-12-31', estimatedHours: 12, resources: { tools: ['x'] } },
      labels: ['zeta', 'alpha', 'zeta'],
      extra: { legacy_id: 'milestone-001', actual_completion: null },
    });
    expect(log.s).toMatchObject({ status: 'in_progress', priority: 'high', dueDate: '2024-12-31', estimatedHours: 12, labels: ['alpha', 'zeta'] });
    expect(log.s.resources).toEqual({ tools: ['x'] });
    expect(log.s.extra).toEqual({ legacy_id: 'milestone-001', actual_completion: null });
  });

  it('stores hostile and unicode titles verbatim', () => {
    for (const title of ['say "hi"', '$(rm -rf /)', 'two\nlines', '  padded  ', '日本語 🚀 ñ', "it's `x`; DROP TABLE"]) {
      const log = new Log();
      log.create(title);
      expect(log.s.title).toBe(title);
    }
  });

  it('check refuses malformed payloads', () => {
    const bad = [
      {}, { title: 1, nonce: 'n' }, { title: 'T' }, { title: 'T', nonce: '' }, { title: 'T', nonce: 'n', labels: 'a' },
      { title: 'T', nonce: 'n', fields: { bogus: 1 } }, { title: 'T', nonce: 'n', fields: { title: 'X' } },
      { title: 'T', nonce: 'n', fields: { estimatedHours: '3' } }, { title: 'T', nonce: 'n', extra: [] },
    ];
    for (const payload of bad) {
      expect(caught(() => create.check(makeOp('milestone.create', payload, 1))).code).toBe('INVALID_OPERATION');
    }
  });

  it('check refuses a bad envelope', () => {
    const op = makeOp('milestone.create', { title: 'T', nonce: 'n' }, 1);
    expect(() => create.check({ ...op, time: 'yesterday' })).toThrow(/time must be/);
    expect(() => create.check({ ...op, lamport: -1 })).toThrow(/lamport/);
    expect(() => create.check({ ...op, lamport: 1.5 })).toThrow(/lamport/);
    expect(() => create.check({ ...op, author: { name: 'x' } as never })).toThrow(/author/);
    expect(() => create.check({ ...op, type: 'milestone.set' })).toThrow(/handled as milestone.create/);
    expect(() => create.check(op)).not.toThrow();
  });

  it('validate refuses bad values (INVALID_INPUT) and a second create (INVALID_OPERATION)', () => {
    const op = (p: Record<string, unknown>) => makeOp('milestone.create', { title: 'T', nonce: 'n', ...p }, 1);
    expect(caught(() => create.validate(null, op({ title: '   ' }))).code).toBe('INVALID_INPUT');
    expect(caught(() => create.validate(null, op({ fields: { status: 'done' } }))).message).toMatch(/status must be one of/);
    expect(caught(() => create.validate(null, op({ labels: [' x'] }))).code).toBe('INVALID_INPUT');
    expect(caught(() => create.validate(null, op({ color: 'red' }))).message).toMatch(/unknown member color/);
    const log = new Log();
    log.create();
    expect(caught(() => create.validate(log.s, op({}))).code).toBe('INVALID_OPERATION');
  });

  it('apply on an existing state (a second root in a fold) only records the op', () => {
    const log = new Log();
    log.create('A');
    const other = makeOp('milestone.create', { title: 'B', nonce: 'z' }, 2);
    const next = create.apply(log.s, other, stored(other).hash);
    expect(next.title).toBe('A');
    expect(next.opCount).toBe(2);
    expect(next.clock).toBe(2);
    expect(next.updated).toEqual(log.s.updated);
  });
});

describe('milestone.set', () => {
  it('sets fields as last-writer registers and stamps updated', () => {
    const log = new Log();
    log.create();
    log.write('milestone.set', { fields: { title: '  New title ', status: 'in_progress', priority: 'low' } }, BOB);
    log.write('milestone.set', { fields: { priority: null, startDate: '2024-02-29T10:00:00Z', successCriteria: ['a', 'b'] } });
    expect(log.s).toMatchObject({ title: '  New title ', status: 'in_progress', priority: null, startDate: '2024-02-29T10:00:00Z', successCriteria: ['a', 'b'] });
    expect(log.s.updated).toEqual({ at: timeAt(3), by: ALICE });
    expect(log.s.clock).toBe(3);
    expect(log.s.opCount).toBe(3);
  });

  it('refuses bad values with INVALID_INPUT', () => {
    const log = new Log();
    log.create();
    const v = (fields: Record<string, unknown>) => caught(() => log.write('milestone.set', { fields }));
    expect(v({ status: 'done' }).code).toBe('INVALID_INPUT');
    expect(v({ priority: 'urgent' }).code).toBe('INVALID_INPUT');
    expect(v({ dueDate: '2023-02-29' }).message).toMatch(/dueDate must be YYYY-MM-DD/);
    expect(v({ dueDate: '31/12/2024' }).code).toBe('INVALID_INPUT');
    expect(v({ startDate: '2024-01-01T25:00:00Z' }).code).toBe('INVALID_INPUT');
    expect(v({ estimatedHours: -1 }).message).toMatch(/non-negative/);
    expect(v({ estimatedHours: Number.NaN }).code).toBe('INVALID_INPUT');
    expect(v({ title: '\n\t ' }).message).toMatch(/title must not be empty/);
    expect(log.s.opCount).toBe(1);
  });

  it('refuses wrong types and unknown fields with INVALID_OPERATION', () => {
    const log = new Log();
    log.create();
    const v = (fields: unknown) => caught(() => log.write('milestone.set', { fields }));
    expect(v({ wat: 1 }).message).toMatch(/unknown field "wat"/);
    expect(v({ title: 5 }).code).toBe('INVALID_OPERATION');
    expect(v({ successCriteria: [1] }).code).toBe('INVALID_OPERATION');
    expect(v({ resources: [] }).code).toBe('INVALID_OPERATION');
    expect(v({}).code).toBe('INVALID_OPERATION');
    expect(v(null).code).toBe('INVALID_OPERATION');
  });

  it('apply skips invalid values met in a fold, keeping the valid ones', () => {
    const log = new Log();
    log.create();
    const op = log.next('milestone.set', { fields: { status: 'bogus', description: 'kept' } });
    const next = getHandler('milestone.set').apply(log.s, op, 'h');
    expect(next.status).toBe('planned');
    expect(next.description).toBe('kept');
  });

  it('does not mutate the previous state', () => {
    const log = new Log();
    log.create();
    const before = log.s;
    const snapshot = structuredClone(before);
    log.write('milestone.set', { fields: { risks: [{ description: 'r' }] } });
    expect(before).toEqual(snapshot);
  });
});

describe('milestone.set-extra', () => {
  it('sets keys verbatim and deletes on null', () => {
    const log = new Log();
    log.create('M', { extra: { keep: 1, drop: 2 } });
    log.write('milestone.set-extra', { fields: { drop: null, nested: { a: [1, 'x'] }, __proto__key: true } });
    expect(log.s.extra).toEqual({ keep: 1, nested: { a: [1, 'x'] }, __proto__key: true });
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const log = new Log();
    log.create();
    const fields = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    log.write('milestone.set-extra', { fields });
    expect(Object.keys(log.s.extra)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses empty fields, empty keys and non-JSON values', () => {
    const log = new Log();
    log.create();
    expect(caught(() => log.write('milestone.set-extra', { fields: {} })).code).toBe('INVALID_OPERATION');
    expect(caught(() => log.write('milestone.set-extra', { fields: { ' ': 1 } })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('milestone.set-extra', { fields: { n: Infinity } })).code).toBe('INVALID_INPUT');
  });
});
