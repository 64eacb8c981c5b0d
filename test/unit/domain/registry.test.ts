import { describe, expect, it } from 'vitest';
import { checkOperation, getHandler, isOpType, OP_TYPES, validateOperation } from '../../../src/domain/ops/registry';
import { caught, makeOp } from './build';

describe('registry', () => {
  it('lists every operation type once', () => {
    expect(OP_TYPES).toEqual([
      'milestone.create', 'milestone.set', 'milestone.set-extra', 'milestone.label', 'milestone.depend', 'milestone.alias',
      'milestone.archive', 'milestone.delete', 'milestone.workflow', 'task.add', 'task.set', 'task.status', 'task.depend', 'task.remove',
      'task.workflow', 'phase.set', 'review.add',
    ]);
    for (const type of OP_TYPES) expect(getHandler(type).type).toBe(type);
  });

  it('refuses an unknown type with FORMAT_TOO_NEW naming it (a newer release wrote it)', () => {
    const e = caught(() => getHandler('task.frobnicate'));
    expect(e.code).toBe('FORMAT_TOO_NEW');
    expect(e.message).toBe('operation type "task.frobnicate" is unknown to git-milestone 0.3.0: a newer release wrote it; upgrade to read it');
    expect(e.data?.type).toBe('task.frobnicate');
    expect(caught(() => getHandler('toString')).code).toBe('FORMAT_TOO_NEW');
    expect(caught(() => getHandler(3 as unknown as string)).code).toBe('INVALID_OPERATION');
    expect(isOpType('task.add')).toBe(true);
    expect(isOpType('constructor')).toBe(false);
  });

  it('checkOperation / validateOperation dispatch on the type', () => {
    const op = makeOp('milestone.create', { title: 'T', nonce: 'n' }, 1);
    expect(() => checkOperation(op)).not.toThrow();
    expect(() => validateOperation(null, op)).not.toThrow();
    expect(caught(() => checkOperation({ ...op, nonce: 3 })).code).toBe('INVALID_OPERATION');
    expect(caught(() => validateOperation(null, { ...op, title: ' ' })).code).toBe('INVALID_INPUT');
    expect(caught(() => checkOperation({ ...op, type: 'nope' })).message).toContain('"nope"');
  });
});
