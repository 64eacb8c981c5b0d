import { describe, expect, it } from 'vitest';
import { filterSummaries, summarize } from '../../../src/domain/query';
import type { MilestoneSummary } from '../../../src/domain/query';
import { caught, Log } from './build';

function summary(over: Partial<MilestoneSummary> & { id: string }): MilestoneSummary {
  return {
    shortId: over.id.slice(0, 8),
    title: over.id, description: '', status: 'planned', priority: null, category: null, labels: [], progress: 0, dueDate: null,
    startDate: null, assignees: [], taskCount: 0, doneCount: 0, blockedCount: 0, phases: [], conflictCount: 0, pendingReviews: [], openPhaseSince: null, openPhases: {}, aliases: [], archived: false, deleted: false,
    updatedAt: '2024-01-01T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z', ...over,
  };
}

const list: MilestoneSummary[] = [
  summary({ id: 'c1', title: 'Parser', status: 'in_progress', priority: 'high', labels: ['core', 'v1'], assignees: ['ann'], progress: 50, dueDate: '2024-03-01', createdAt: '2024-01-03T00:00:00.000Z', updatedAt: '2024-02-01T00:00:00.000Z' }),
  summary({ id: 'a2', title: 'docs', description: 'Write the user GUIDE', labels: ['v1'], assignees: ['bob'], progress: 10, dueDate: '2024-02-01', createdAt: '2024-01-01T00:00:00.000Z' }),
  summary({ id: 'b3', title: 'Release', status: 'completed', priority: 'low', assignees: ['ann', 'bob'], progress: 100, createdAt: '2024-01-02T00:00:00.000Z', aliases: ['milestone-003'] }),
  summary({ id: 'd4', title: 'Old', archived: true, createdAt: '2024-01-04T00:00:00.000Z' }),
  summary({ id: 'e5', title: 'Gone', deleted: true, createdAt: '2024-01-05T00:00:00.000Z' }),
  summary({ id: 'a1', title: 'Parser', priority: 'medium', progress: 50, createdAt: '2024-01-03T00:00:00.000Z', updatedAt: '2024-01-15T01:00:00+01:00' }),
];
const ids = (xs: MilestoneSummary[]) => xs.map((s) => s.id);

describe('filterSummaries', () => {
  it('hides deleted always and archived unless all; sorts by created then id', () => {
    expect(ids(filterSummaries(list))).toEqual(['a2', 'b3', 'a1', 'c1']);
    expect(ids(filterSummaries(list, { all: true }))).toEqual(['a2', 'b3', 'a1', 'c1', 'd4']);
  });

  it('filters by status (any), label (all), assignee (any)', () => {
    expect(ids(filterSummaries(list, { status: ['completed', 'in_progress'] }))).toEqual(['b3', 'c1']);
    expect(ids(filterSummaries(list, { label: ['v1'] }))).toEqual(['a2', 'c1']);
    expect(ids(filterSummaries(list, { label: ['v1', 'core'] }))).toEqual(['c1']);
    expect(ids(filterSummaries(list, { assignee: ['bob'] }))).toEqual(['a2', 'b3']);
    expect(ids(filterSummaries(list, { assignee: ['ann'], status: ['completed'] }))).toEqual(['b3']);
  });

  it('matches text in title, description, alias or id prefix, ignoring case', () => {
    expect(ids(filterSummaries(list, { text: 'guide' }))).toEqual(['a2']);
    expect(ids(filterSummaries(list, { text: 'PARSER' }))).toEqual(['a1', 'c1']);
    expect(ids(filterSummaries(list, { text: 'milestone-003' }))).toEqual(['b3']);
    expect(ids(filterSummaries(list, { text: 'c1' }))).toEqual(['c1']);
    expect(ids(filterSummaries(list, { text: 'nothing' }))).toEqual([]);
  });

  it('sorts by every key, nulls last both ways, id as tiebreak', () => {
    expect(ids(filterSummaries(list, { sort: 'title' }))).toEqual(['a2', 'a1', 'c1', 'b3']);
    expect(ids(filterSummaries(list, { sort: '-title' }))).toEqual(['b3', 'a1', 'c1', 'a2']);
    expect(ids(filterSummaries(list, { sort: 'due' }))).toEqual(['a2', 'c1', 'a1', 'b3']);
    expect(ids(filterSummaries(list, { sort: '-due' }))).toEqual(['c1', 'a2', 'a1', 'b3']);
    expect(ids(filterSummaries(list, { sort: 'priority' }))).toEqual(['c1', 'a1', 'b3', 'a2']);
    expect(ids(filterSummaries(list, { sort: '-priority' }))).toEqual(['b3', 'a1', 'c1', 'a2']);
    expect(ids(filterSummaries(list, { sort: 'progress' }))).toEqual(['a2', 'a1', 'c1', 'b3']);
    expect(ids(filterSummaries(list, { sort: '-progress' }))).toEqual(['b3', 'a1', 'c1', 'a2']);
    expect(ids(filterSummaries(list, { sort: '-created' }))).toEqual(['a1', 'c1', 'b3', 'a2']);
    // a1 updated 2024-01-15T00:00Z (offset +01:00) is compared as a time, not as text.
    expect(ids(filterSummaries(list, { sort: 'updated' }))).toEqual(['a2', 'b3', 'a1', 'c1']);
  });

  it('limits after sorting and does not modify the input', () => {
    const before = ids(list);
    expect(ids(filterSummaries(list, { sort: '-progress', limit: 2 }))).toEqual(['b3', 'a1']);
    expect(filterSummaries(list, { limit: 0 })).toEqual([]);
    expect(ids(list)).toEqual(before);
  });

  it('refuses unknown sort keys, statuses and bad limits (INVALID_INPUT)', () => {
    expect(caught(() => filterSummaries(list, { sort: 'size' })).code).toBe('INVALID_INPUT');
    expect(caught(() => filterSummaries(list, { sort: '--title' })).code).toBe('INVALID_INPUT');
    expect(caught(() => filterSummaries(list, { status: ['done'] })).message).toMatch(/unknown status "done"/);
    expect(caught(() => filterSummaries(list, { limit: -1 })).code).toBe('INVALID_INPUT');
    expect(caught(() => filterSummaries(list, { limit: 1.5 })).code).toBe('INVALID_INPUT');
  });
});

describe('summarize', () => {
  it('flattens a milestone state', () => {
    const log = new Log();
    const id = log.create('M "1"', { fields: { description: 'desc', dueDate: '2024-05-01', priority: 'high' }, labels: ['b', 'a'] });
    log.write('milestone.alias', { add: ['milestone-001'] });
    log.task('A', { assignee: 'zed', status: 'completed' });
    log.task('B', { assignee: 'amy', status: 'in_progress' });
    log.task('C', { assignee: 'zed' });
    const gone = log.task('D', { assignee: 'ghost' });
    log.write('task.remove', { task: gone });
    expect(summarize(log.s)).toEqual({
      id, shortId: id.slice(0, 8), title: 'M "1"', description: 'desc', status: 'planned', priority: 'high', category: null, labels: ['a', 'b'],
      progress: 50, dueDate: '2024-05-01', startDate: null, assignees: ['amy', 'zed'], taskCount: 3, doneCount: 1, blockedCount: 0, phases: [], conflictCount: 0,
      pendingReviews: [], openPhaseSince: null, openPhases: {}, aliases: ['milestone-001'], archived: false, deleted: false, updatedAt: log.s.updated.at, createdAt: log.s.created.at,
    });
  });
});
