import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonical';
import { applyOps, fold, sortOps } from '../../../src/domain/fold';
import { getHandler, OP_TYPES } from '../../../src/domain/ops/registry';
import type { Author, MilestoneState, StoredOperation } from '../../../src/domain/types';
import { ALICE, BOB, caught, Log, makeOp, prng, shuffle, stored } from './build';

describe('sortOps', () => {
  it('orders by lamport, then hash, without touching the input', () => {
    const ops = [
      { hash: 'b', op: makeOp('x', {}, 2) }, { hash: 'c', op: makeOp('x', {}, 1) }, { hash: 'a', op: makeOp('x', {}, 2) },
    ];
    expect(sortOps(ops).map((s) => s.hash)).toEqual(['c', 'a', 'b']);
    expect(ops.map((s) => s.hash)).toEqual(['b', 'c', 'a']);
  });
});

describe('fold', () => {
  it('refuses an empty log or a root that is not milestone.create (CORRUPT_ENTITY)', () => {
    expect(caught(() => fold([])).code).toBe('CORRUPT_ENTITY');
    const log = new Log();
    log.create();
    const early = stored(makeOp('milestone.set', { fields: { title: 'x' } }, 0));
    expect(caught(() => fold([...log.ops, early])).code).toBe('CORRUPT_ENTITY');
  });

  it('refuses unknown types (FORMAT_TOO_NEW) and malformed ops (CORRUPT_ENTITY)', () => {
    const log = new Log();
    log.create();
    expect(caught(() => fold([...log.ops, stored(makeOp('milestone.frobnicate', {}, 2))])).code).toBe('FORMAT_TOO_NEW');
    const bad = caught(() => fold([...log.ops, stored(makeOp('milestone.set', { fields: 'x' }, 2))]));
    expect(bad.code).toBe('CORRUPT_ENTITY');
    expect(bad.message).toMatch(/fields must be an object/);
  });

  it('counts a duplicated operation once', () => {
    const log = new Log();
    log.create();
    log.task('T');
    expect(fold([...log.ops, ...log.ops])).toEqual(log.s);
  });

  it('equals the state built one op at a time', () => {
    const log = new Log();
    log.create();
    const t = log.task('T');
    log.write('task.status', { task: t, status: 'in_progress' });
    log.write('milestone.label', { add: ['x'] });
    expect(fold(log.ops)).toEqual(log.s);
    expect(fold([...log.ops].reverse())).toEqual(log.s);
  });
});

describe('applyOps', () => {
  it('appends newer ops to a snapshot like a full fold', () => {
    const log = new Log();
    log.create();
    log.task('A');
    const snapshot = fold(log.ops.slice(0, 1));
    expect(applyOps(snapshot, log.ops.slice(1))).toEqual(log.s);
  });

  it('refuses ops that are not newer than the snapshot (INTERNAL: refold)', () => {
    const log = new Log();
    log.create();
    log.task('A');
    expect(caught(() => applyOps(log.s, [stored(makeOp('milestone.set', { fields: { title: 'x' } }, 2))])).code).toBe('INTERNAL');
  });

  it('skips ops that meet no state; CORRUPT_ENTITY when nothing is created', () => {
    expect(caught(() => applyOps(null, [stored(makeOp('milestone.set', { fields: { title: 'x' } }, 1))])).code).toBe('CORRUPT_ENTITY');
  });
});

/** A random valid operation on `state`, or null when the attempt is invalid. */
function randomOp(state: MilestoneState, random: () => number, author: Author, n: number): StoredOperation | null {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const live = state.tasks.filter((t) => !t.deleted).map((t) => t.id);
  const lamport = state.clock + 1;
  const drafts: Array<[string, Record<string, unknown>]> = [
    ['milestone.set', { fields: { title: `T${n}`, priority: pick(['high', 'low', null]) } }],
    ['milestone.set', { fields: { status: pick(['planned', 'in_progress', 'completed']), description: `d${n}` } }],
    ['milestone.set-extra', { fields: { [pick(['k1', 'k2'])]: pick([null, n, { v: n }]) } }],
    ['milestone.label', { add: [pick(['a', 'b', 'c'])], remove: [pick(['d', 'e'])] }],
    ['milestone.label', { remove: [pick(['a', 'b', 'c'])] }],
    ['milestone.alias', { add: [`alias-${n}`] }],
    ['milestone.depend', { add: [pick(['m1', 'm2'])], remove: [pick(['m3', 'm4'])] }],
    ['milestone.archive', { archived: random() < 0.5 }],
    ['milestone.workflow', { workflow: pick(['kiro', 'w1', null]) }],
    ['task.add', { title: `task ${n} "q"`, nonce: `${author.name}-${n}`, dependsOn: live.length ? [pick(live)] : [] }],
    ['task.add', { title: `task ${n}`, nonce: `${author.name}-x${n}` }],
    ['task.status', { task: pick(live), status: pick(['pending', 'in_progress', 'completed', 'cancelled', 'blocked']) }],
    ['task.set', { task: pick(live), fields: { assignee: pick(['ann', 'bob', null]), estimatedHours: n } }],
    ['task.depend', { task: pick(live), add: [pick(live)] }],
    ['task.remove', { task: pick(live) }],
    ['task.workflow', { task: pick(live), workflow: { name: pick(['w1', 'w2']), phases: [
      { name: 'a', weight: 40, needsApproval: true }, { name: 'b', weight: 60, needsApproval: false }] } }],
  ];
  const phased = state.tasks.filter((t) => !t.deleted && t.workflow).map((t) => t.id);
  // Phase moves are only valid from some statuses: offer the ones that validate, so they are exercised.
  const moves = ['in_progress', 'waiting_approval', 'completed', 'blocked'];
  for (const task of phased) for (const phase of ['a', 'b']) for (const status of moves) {
    const payload = { task, phase, status, deliverables: [{ path: 'd.md', blob: `${n}` }],
      approvers: [{ role: 'r', emails: [pick(['alice@example.com', 'bob@example.com'])] }] };
    try {
      getHandler('phase.set').validate(state, makeOp('phase.set', payload, lamport, author));
      drafts.push(['phase.set', payload]);
    } catch { /* not a move this phase can make now */ }
  }
  const waiting = state.tasks.filter((t) => !t.deleted && t.workflow)
    .flatMap((t) => t.workflow!.phases.filter((p) => p.status === 'waiting_approval').map((p) => ({ task: t.id, phase: p.name, round: p.round })));
  for (let i = 0; waiting.length && i < 24; i++) {
    drafts.push(['review.add', { ...pick(waiting), decision: pick(['approve', 'reject', 'request_changes']), deliverables: [] }]);
  }
  if (random() < 0.02) drafts.push(['milestone.delete', {}]);
  const [type, payload] = pick(drafts);
  const op = makeOp(type, payload, lamport, author);
  try {
    getHandler(type).validate(state, op);
  } catch {
    return null;
  }
  return stored(op);
}

/** Grows a branch of `count` valid ops from `start`. */
function branch(start: MilestoneState, count: number, random: () => number, author: Author, tag: number): StoredOperation[] {
  const out: StoredOperation[] = [];
  let state = start;
  for (let n = 0; out.length < count && n < count * 20; n++) {
    const s = randomOp(state, random, author, tag * 1000 + n);
    if (!s) continue;
    out.push(s);
    state = applyOps(state, [s]);
  }
  return out;
}

describe('fold: order independence (seeded property test)', () => {
  it('folding the same ops in any order gives the same state, byte for byte', () => {
    const random = prng(20240601);
    const checkedTypes = new Set<string>();
    for (let round = 0; round < 40; round++) {
      const log = new Log();
      log.create(`M${round}`);
      const base = [...log.ops, ...branch(log.s, 8, random, ALICE, round)];
      const merged = fold(base);
      // Two clones diverge from the same state, then their ops are merged.
      const ops = [...base, ...branch(merged, 10, random, ALICE, round + 100), ...branch(merged, 10, random, BOB, round + 200)];
      ops.forEach((s) => checkedTypes.add(s.op.type));
      const expected = fold(ops);
      const text = canonicalJson(expected);
      for (let k = 0; k < 10; k++) {
        const state = fold(shuffle(ops, random));
        expect(state).toEqual(expected);
        expect(canonicalJson(state)).toBe(text);
      }
    }
    // The generator must have exercised every operation type.
    expect([...checkedTypes].sort()).toEqual([...OP_TYPES].sort());
  });
});
