/** The spec-kit tasks.md grammar on a small fixture written here (../shared/corpus/SOURCES.md). */
import { describe, expect, it } from 'vitest';
import { parseSpecKitTasks, taskIds } from '../../../src/import/speckit/parseTasks';

const TEXT = [
  '---', 'description: "Tasks"', '---', '# Tasks',
  '- [P] tasks = different files, no dependencies', '',
  '## Phase 1: Setup', '- [X] T001 Create project', '- [ ] T002 [P] [US1] Add model in src/m.ts', '- [ ] not a task',
  '## Phase 2: Stories', '- [x] **T003** [DEFERRED] Wire API, depends on T001', '   continued detail',
  '### T004 [P] [US2/US7] - Heading task', '**Dependencies**: T001-T002 (setup first)',
].join('\n');

describe('spec-kit tasks.md', () => {
  it('needs a T### id, reads markers, explicit and phase-order dependencies, heading tasks', () => {
    const { tasks } = parseSpecKitTasks('tasks.md', TEXT);
    expect(tasks.map((t) => t.sourceId)).toEqual(['T001', 'T002', 'T003', 'T004']);
    const [t1, t2, t3, t4] = tasks;
    expect(t1).toMatchObject({ status: 'completed', title: 'Create project', deps: [] });
    expect(t2).toMatchObject({ status: 'pending', parallel: true, stories: ['US1'], title: 'Add model in src/m.ts' });
    expect(t3).toMatchObject({ status: 'completed', fields: { markers: ['DEFERRED'] }, details: 'continued detail' });
    expect(t3.deps.sort()).toEqual(['T001', 'T002']);
    expect(t4).toMatchObject({ mark: { kind: 'none' }, parallel: true, stories: ['US2', 'US7'], title: 'Heading task' });
    expect(t4.deps.sort()).toEqual(['T001', 'T002']);
  });

  it('expands id ranges', () => {
    expect(taskIds('T003-T005, T010 (after review)')).toEqual(['T003', 'T004', 'T005', 'T010']);
  });
});
