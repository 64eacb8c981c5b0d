import { describe, expect, it } from 'vitest';
import { milestoneView, taskView } from '../../../src/domain/views';
import { ALICE, Log, timeAt } from './build';

function sample(): { log: Log; id: string; a: string; b: string } {
  const log = new Log();
  const id = log.create('Ship "v1" $(rm -rf /)', {
    fields: { description: 'line 1\nline 2', priority: 'high', category: 'core', estimatedHours: 10, deliverables: [{ name: 'cli' }], resources: { team_members: ['ann'] } },
    labels: ['x'],
    extra: { legacy_status: 'active' },
  });
  const a = log.task('Parser', { status: 'completed', assignee: 'ann', extra: { legacy_id: 'task-001' } });
  const b = log.task('Docs 📚', { dependsOn: [a] });
  const gone = log.task('Gone');
  log.write('task.remove', { task: gone });
  return { log, id, a, b };
}

describe('milestoneView', () => {
  it('has every documented member, live tasks only, progress as an integer', () => {
    const { log, id, a, b } = sample();
    const view = milestoneView(log.s);
    expect(Object.keys(view).sort()).toEqual([
      'aliases', 'archived', 'category', 'conflicts', 'created', 'deleted', 'deliverables', 'dependsOn', 'description', 'dueDate', 'estimatedHours',
      'extra', 'id', 'labels', 'priority', 'progress', 'resources', 'risks', 'shortId', 'startDate', 'status', 'successCriteria',
      'tasks', 'title', 'updated', 'workflow',
    ]);
    expect(view).toMatchObject({
      id, shortId: id.slice(0, 8), title: 'Ship "v1" $(rm -rf /)', description: 'line 1\nline 2', priority: 'high', category: 'core',
      estimatedHours: 10, progress: 50, deliverables: [{ name: 'cli' }], resources: { team_members: ['ann'] }, extra: { legacy_status: 'active' },
      created: { at: timeAt(1), by: ALICE },
    });
    expect(view.tasks.map((t) => t.id)).toEqual([a, b]);
  });

  it('is a deep copy of the state', () => {
    const { log } = sample();
    const view = milestoneView(log.s);
    view.labels.push('y');
    (view.deliverables[0] as { name: string }).name = 'changed';
    view.tasks[0].extra.legacy_id = 'changed';
    view.created.by.name = 'Mallory';
    expect(log.s.labels).toEqual(['x']);
    expect(log.s.deliverables).toEqual([{ name: 'cli' }]);
    expect(log.s.tasks[0].extra).toEqual({ legacy_id: 'task-001' });
    expect(log.s.created.by.name).toBe('Alice');
  });

  it('survives a JSON round trip unchanged (JSON-ready)', () => {
    const { log } = sample();
    const view = milestoneView(log.s);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe('taskView', () => {
  it('has every documented member', () => {
    const { log, id, a, b } = sample();
    const task = log.s.tasks[1];
    expect(taskView(task, log.s)).toEqual({
      id: b, shortId: b.slice(0, 8), milestoneId: id, title: 'Docs 📚', description: '', status: 'pending', assignee: null,
      estimatedHours: null, dependsOn: [a], startedAt: null, completedAt: null, progress: 0,
      created: { at: timeAt(3), by: ALICE }, updated: { at: timeAt(3), by: ALICE }, extra: {}, conflicts: [],
      workflow: null, phases: [], blocker: null,
    });
    expect(taskView(log.s.tasks[0], log.s)).toMatchObject({ progress: 100, completedAt: timeAt(2), assignee: 'ann' });
  });

  it('rounds phased progress with the milestone weights', () => {
    const log = new Log();
    log.create('M', { extra: { phaseWeights: { design: 1, spec: 2 } } });
    log.task('T', { extra: { phases: { design: 'completed' } } });
    expect(taskView(log.s.tasks[0], log.s).progress).toBe(33);
  });
});
