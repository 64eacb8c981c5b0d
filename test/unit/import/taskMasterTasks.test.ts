/** task-master tasks.json → plan milestones and write-back, on a small file written here (../shared/corpus/SOURCES.md). */
import { describe, expect, it } from 'vitest';
import { parseTaskMaster } from '../../../src/import/taskmaster/parseTasks';
import { statusOfWord } from '../../../src/import/statusWords';
import { applyEdits, statusEdit } from '../../../src/import/writeBack';

const TAGGED = JSON.stringify({
  master: {
    tasks: [
      { id: 1, title: 'Setup', description: 'd1', status: 'done', priority: 'high', details: 'x "status": "no"', dependencies: [],
        subtasks: [{ id: 1, title: 'S1', description: '', status: 'done', dependencies: [], parentId: 'undefined' },
          { id: 2, title: 'S2', description: '', status: 'pending', dependencies: [1, '1.1'], parentTaskId: 1 }] },
      { id: 2, title: 'Next', description: '', status: 'in-progress', dependencies: ['1'], subtasks: [
        { id: 1, title: 'T', description: '', status: 'pending', dependencies: [1, 3] }] },
      { id: 3, title: 'Last', description: '', status: 'pending', dependencies: [] },
    ],
    metadata: { created: '2025-01-01T00:00:00.000Z', description: 'Tasks for master context' },
  },
  'feat-x': { tasks: [{ id: 1, title: 'Other', status: 'review', subtasks: [{ id: '1.1', title: 'str id', status: 'pending' }] }] },
}, null, 2);

describe('task-master tasks.json', () => {
  it('reads tags as milestones, sub-task ids as parent.id, sibling, dotted and top-level dependencies', () => {
    const { milestones, problems } = parseTaskMaster('t.json', TAGGED, 'proj');
    expect(problems).toEqual([]);
    expect(milestones.map((m) => [m.key, m.title])).toEqual([['t.json#master', 'proj'], ['t.json#feat-x', 'proj: feat-x']]);
    const t = milestones[0].tasks;
    expect(t.map((x) => [x.sourceId, x.parent, x.deps, x.status])).toEqual([
      ['1', null, [], 'completed'], ['1.1', '1', [], 'completed'], ['1.2', '1', ['1.1'], 'pending'],
      ['2', null, ['1'], 'in_progress'], ['2.1', '2', ['2.1', '3'], 'pending'], ['3', null, [], 'pending'],
    ]);
    expect(t[1].fields).toMatchObject({ parentId: 'undefined' });
    expect(t[0].fields).toMatchObject({ priority: 'high', details: 'x "status": "no"' });
    expect(milestones[1].tasks.map((x) => x.sourceId)).toEqual(['1', '1.1']);
  });

  it('writes a status back into that task\'s "status" value only: shape and key order kept', () => {
    const { milestones } = parseTaskMaster('t.json', TAGGED, 'proj');
    const [, , s2, , , t3] = milestones[0].tasks;
    const edits = [statusEdit('task-master', s2.mark, 'completed', statusOfWord)!, statusEdit('task-master', t3.mark, 'cancelled', statusOfWord)!];
    const after = applyEdits(TAGGED, edits);
    const want = JSON.parse(TAGGED);
    want.master.tasks[0].subtasks[1].status = 'done';
    want.master.tasks[2].status = 'cancelled';
    expect(after).toBe(JSON.stringify(want, null, 2));
    expect(statusEdit('task-master', milestones[1].tasks[0].mark, 'in_progress', statusOfWord)).toBeNull();
  });
});
