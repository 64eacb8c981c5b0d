/**
 * Export details, without git: changes made after an import go to the legacy paths and spellings,
 * values the model could not hold stay as they were until changed, nothing the file did not have is
 * added, and a milestone created in git-milestone gets a complete legacy document.
 */
import { describe, expect, it } from 'vitest';
import { planLegacy } from '../../../src/core/import/planLegacy';
import { applyOps } from '../../../src/domain/fold';
import type { MilestoneState } from '../../../src/domain/types';
import { toLegacyDoc } from '../../../src/legacy/toLegacyDoc';
import type { JsonObject, LegacyTree } from '../../../src/legacy/types';
import { Log } from '../domain/build';

const AUTHOR = { name: 'I', email: 'i@example.com' };

function imported(doc: JsonObject): MilestoneState {
  const tree: LegacyTree = {
    root: '/x', problems: [], skipped: [],
    milestones: [{ legacyId: String(doc.id ?? 'm'), file: 'active/m.yaml', doc, contentHash: 'c'.repeat(64), mtime: '2025-01-01T00:00:00.000Z', attachments: {} }],
  };
  return planLegacy(tree, new Map(), AUTHOR).rows[0].pending!.build().state;
}

const exported = (s: MilestoneState): JsonObject => toLegacyDoc(s, s.aliases[0] ?? s.id, (id) => id);

describe('toLegacyDoc', () => {
  it('writes an unknown status back as it was, until the status is changed', () => {
    const doc: JsonObject = { id: 'm', title: 'M', status: 'done', tasks: [{ title: 'no id, no status' }, { id: 7, status: 'waiting' }] };
    const s = imported(doc);
    expect(s.status).toBe('planned');
    expect(exported(s)).toEqual(doc);
    expect(exported({ ...s, status: 'in_progress' }).status).toBe('in_progress');
    expect(exported({ ...s, status: 'in_progress', tasks: s.tasks.map((t) => ({ ...t, status: 'completed' as const })) }).tasks)
      .toEqual([{ title: 'no id, no status', status: 'completed' }, { id: 7, status: 'completed' }]);
  });

  it('keeps the timeline form of the file for dates set later, and the original status spelling while it holds', () => {
    const doc: JsonObject = { id: 'm', title: 'M', status: 'active', timeline: { start_date: '2025-01-01', estimated_completion: '2025-02-01' } };
    const s = imported(doc);
    expect(exported(s)).toEqual(doc);
    const later = exported({ ...s, dueDate: '2025-03-01', priority: 'high' });
    expect(later).toMatchObject({ status: 'active', priority: 'high', timeline: { start_date: '2025-01-01', due_date: '2025-03-01' } });
    expect(exported({ ...s, status: 'blocked' }).status).toBe('blocked');
  });

  it('gives a milestone created in git-milestone a complete legacy document', () => {
    const log = new Log();
    log.create('Native', { fields: { status: 'in_progress', priority: 'low', dueDate: '2025-05-01', successCriteria: ['ok'] } });
    const a = log.task('First', { assignee: 'ana', estimatedHours: 2 });
    log.task('Second', { dependsOn: [a], status: 'completed' });
    const s = applyOps(null, log.ops);
    expect(exported(s)).toEqual({
      id: s.id, title: 'Native', status: 'in_progress', priority: 'low',
      timeline: { estimated_end: '2025-05-01' }, success_criteria: ['ok'],
      progress: { percentage: 50, tasks_completed: 1, total_tasks: 2, last_update: s.updated.at },
      tasks: [
        { id: `task-${a.slice(0, 8)}`, title: 'First', estimated_hours: 2, status: 'pending', assigned_to: 'ana' },
        { id: `task-${s.tasks[1].id.slice(0, 8)}`, title: 'Second', status: 'completed', dependencies: [`task-${a.slice(0, 8)}`], completed_at: s.tasks[1].completedAt },
      ],
    });
  });

  it('writes the progress the tasks give now, in the file\'s form; unchanged since the import, the file\'s own', () => {
    const tasks = [{ id: 't1', status: 'completed' }, { id: 't2', status: 'pending' }];
    const asNumber = imported({ id: 'm', title: 'M', progress: 90, tasks });
    expect(exported(asNumber).progress).toBe(90);
    const done = (s: MilestoneState): MilestoneState => ({ ...s, tasks: s.tasks.map((t) => ({ ...t, status: 'completed' as const })) });
    expect(exported(done(asNumber)).progress).toBe(100);
    const form = { percentage: 90, tasks_completed: 1, total_tasks: 2, last_update: '2025-01-01T00:00:00Z', note: 'kept' };
    const asObject = imported({ id: 'm', title: 'M', progress: form, tasks });
    expect(exported(asObject).progress).toEqual(form);
    const later = { ...done(asObject), updated: { ...asObject.updated, at: '2025-06-01T10:00:00Z' } };
    expect(exported(later).progress).toEqual({ percentage: 100, tasks_completed: 2, total_tasks: 2, last_update: '2025-06-01T10:00:00Z', note: 'kept' });
    expect(exported(imported({ id: 'm', title: 'M', tasks })).progress).toBeUndefined();
  });
});
