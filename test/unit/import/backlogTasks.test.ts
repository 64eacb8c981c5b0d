/** Backlog.md files → plan milestones, on small fixtures written here (../shared/corpus/SOURCES.md). */
import { describe, expect, it } from 'vitest';
import { buildBacklog, type BacklogEntry } from '../../../src/import/backlog/buildPlan';
import { idOfName, readFrontMatter } from '../../../src/import/backlog/taskFile';
import { applyEdits, statusEdit } from '../../../src/import/writeBack';
import { statusOfWord } from '../../../src/import/statusWords';

const fm = (lines: string[], body = '## Description\n\ntext'): string => ['---', ...lines, '---', '', body, ''].join('\n');

const entry = (name: string, text: string, area: BacklogEntry['area'] = 'tasks'): BacklogEntry => ({
  file: `backlog/${area}/${name}`, name, area, parsed: readFrontMatter(name, text),
});

describe('Backlog.md task files', () => {
  it('reads front matter with unquoted @handles (retried quoted) and keeps unslotted keys verbatim', () => {
    const f = readFrontMatter('back-1.md', fm(['id: BACK-1', 'title: "CLI: Setup"', 'status: Done', 'assignee: @MrLesk',
      'created_date: 2025-06-03', 'labels: ["cli", "setup"]', 'milestone: m-1', 'dependencies: ["task-0"]']));
    expect(f.problem).toBeNull();
    expect(f.meta).toMatchObject({ id: 'BACK-1', assignee: '@MrLesk', created_date: '2025-06-03', labels: ['cli', 'setup'] });
    expect(f.statusLine).toEqual({ no: 4, value: 'Done' });
  });

  it('takes id, title and status of a file without front matter from its name, heading and Status line', () => {
    expect(idOfName('task-152.9.5-create-tests.md')).toBe('task-152.9.5');
    expect(idOfName('task-epic-11.102.1-Create-Direct.md')).toBe('task-epic-11.102.1');
    expect(idOfName('back-355.02 - Title.md')).toBe('back-355.02');
    expect(idOfName('hook-checks.md')).toBeNull();
    const { milestones } = buildBacklog({ key: 'backlog', title: 'p', milestones: [], tasks: [
      entry('task-7 - Plain.md', '# Task 7: Plain task\n\n**Status**: Completed\n'),
    ] });
    expect(milestones[0].tasks[0]).toMatchObject({ sourceId: 'task-7', title: 'Plain task', status: 'completed', mark: { kind: 'none' } });
  });

  it('groups by Backlog.md milestone, loose and archived tasks apart, resolves references by an old prefix', () => {
    const ms = [{ file: 'backlog/milestones/m-1.md', archived: false, parsed: readFrontMatter('m', fm(['id: m-1', 'title: "CLI"'])) }];
    const { milestones } = buildBacklog({ key: 'backlog', title: 'Proj', milestones: ms, tasks: [
      entry('back-1 - A.md', fm(['id: BACK-1', 'title: A', 'status: To Do', 'milestone: M1 - CLI'])),
      entry('back-2 - B.md', fm(['id: BACK-2', 'title: B', 'status: In Progress', 'dependencies:', '  - task-1'])),
      entry('back-2.01 - C.md', fm(['id: BACK-2.01', 'title: C', "status: 'Won''t Do'", 'parent_task_id: task-2'])),
      entry('back-3 - D.md', fm(['id: BACK-3', 'title: D', 'status: Done']), 'archive'),
    ] });
    expect(milestones.map((m) => [m.key, m.title, m.archived, m.tasks.map((t) => t.sourceId)])).toEqual([
      ['backlog', 'Proj', false, ['BACK-2', 'BACK-2.01']],
      ['backlog#m-1', 'CLI', false, ['BACK-1']],
      ['backlog#archive', 'Proj (archive)', true, ['BACK-3']],
    ]);
    const [b2, c] = milestones[0].tasks;
    expect(b2).toMatchObject({ status: 'in_progress', deps: ['BACK-1'] });
    expect(c).toMatchObject({ status: 'cancelled', parent: 'BACK-2', fields: { status: "Won't Do" } });
  });

  it('writes a status back into its status: line only, quotes kept', () => {
    const text = fm(['id: BACK-2', "status: 'To Do'", 'title: B']);
    const f = readFrontMatter('b', text);
    const mark = { kind: 'field' as const, file: 'b', line: f.statusLine!.no, value: f.statusLine!.value };
    const e = statusEdit('backlog', mark, 'completed', statusOfWord)!;
    expect(applyEdits(text, [e])).toBe(text.replace("status: 'To Do'", "status: 'Done'"));
    expect(statusEdit('backlog', mark, 'pending', statusOfWord)).toBeNull();
  });
});
