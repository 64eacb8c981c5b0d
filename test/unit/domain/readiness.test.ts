import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/fold';
import { nextTasks } from '../../../src/domain/readiness';
import { Log, makeOp, stored } from './build';

const short = (id: string) => id.slice(0, 8);

describe('nextTasks', () => {
  it('splits pending tasks into ready and waiting, with reasons', () => {
    const log = new Log();
    log.create();
    const parser = log.task('Write "parser"', { status: 'in_progress' });
    const docs = log.task('Docs');
    const lexer = log.task('Lexer', { status: 'completed' });
    const ship = log.task('Ship', { dependsOn: [parser, docs, lexer] });
    const after = log.task('After lexer', { dependsOn: [lexer] });
    const blocked = log.task('Stuck', { status: 'blocked' });
    const r = nextTasks(log.s);
    expect(r.ready.map((t) => t.id)).toEqual([docs, after]);
    expect(r.waiting).toEqual([{
      task: log.s.tasks[3],
      reasons: [`waits for ${short(parser)} "Write \\"parser\\"" (in_progress)`, `waits for ${short(docs)} "Docs" (pending)`],
    }]);
    expect(r.waiting[0].task.id).toBe(ship);
    expect(r.inProgress.map((t) => t.id)).toEqual([parser]);
    expect(r.blocked.map((t) => t.id)).toEqual([blocked]);
  });

  it('treats cancelled dependencies as done and removed ones as absent', () => {
    const log = new Log();
    log.create();
    const a = log.task('A', { status: 'cancelled' });
    const b = log.task('B');
    const c = log.task('C', { dependsOn: [a, b] });
    expect(nextTasks(log.s).waiting.map((w) => w.task.id)).toEqual([c]);
    log.write('task.remove', { task: b });
    expect(nextTasks(log.s).ready.map((t) => t.id)).toEqual([c]);
  });

  it('orders by creation, not by title or id', () => {
    const log = new Log();
    log.create();
    const ids = ['zeta', 'alpha', 'mid'].map((t) => log.task(t));
    expect(nextTasks(log.s).ready.map((t) => t.id)).toEqual(ids);
  });

  it('reports tasks on a cycle left by a merge', () => {
    const log = new Log();
    log.create();
    const a = log.task('A');
    const b = log.task('B');
    const c = log.task('C', { dependsOn: [a] });
    const state = fold([
      ...log.ops,
      stored(makeOp('task.depend', { task: a, add: [b] }, 5)),
      stored(makeOp('task.depend', { task: b, add: [a] }, 5)),
    ]);
    const r = nextTasks(state);
    expect(r.ready).toEqual([]);
    expect(r.waiting.map((w) => [w.task.id, w.reasons])).toEqual([
      [a, [`waits for ${short(b)} "B" (pending)`, 'in a dependency cycle']],
      [b, [`waits for ${short(a)} "A" (pending)`, 'in a dependency cycle']],
      [c, [`waits for ${short(a)} "A" (pending)`]],
    ]);
  });

  it('a cycle through a completed task no longer holds anyone up', () => {
    const log = new Log();
    log.create();
    const a = log.task('A');
    const b = log.task('B', { status: 'completed' });
    const state = fold([
      ...log.ops,
      stored(makeOp('task.depend', { task: a, add: [b] }, 4)),
      stored(makeOp('task.depend', { task: b, add: [a] }, 4)),
    ]);
    expect(nextTasks(state).ready.map((t) => t.id)).toEqual([a]);
  });

  it('a deleted milestone has nothing to do', () => {
    const log = new Log();
    log.create();
    log.task('A');
    log.write('milestone.delete', {});
    expect(nextTasks(log.s)).toEqual({ ready: [], waiting: [], inProgress: [], blocked: [] });
  });
});
