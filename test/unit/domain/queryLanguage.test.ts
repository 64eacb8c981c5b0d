/**
 * The list query language: qualifiers, comma alternatives, negation, date comparisons, sort:,
 * free text, and clear refusals of unknown qualifiers and values.
 */
import { describe, expect, it } from 'vitest';
import { filterSummaries, type MilestoneSummary } from '../../../src/domain/query';
import { parseQuery } from '../../../src/domain/queryLanguage';

function summary(over: Partial<MilestoneSummary> & { id: string }): MilestoneSummary {
  return {
    shortId: over.id.slice(0, 8),
    title: over.id, description: '', status: 'planned', priority: null, category: null, labels: [], progress: 0, dueDate: null,
    startDate: null, assignees: [], taskCount: 0, doneCount: 0, blockedCount: 0, phases: [], conflictCount: 0, pendingReviews: [], openPhaseSince: null, openPhases: {}, aliases: [],
    archived: false, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', ...over,
  };
}

const list = [
  summary({ id: 'a1', title: 'Parser', status: 'in_progress', priority: 'high', labels: ['core'], assignees: ['ann'], dueDate: '2026-03-01', taskCount: 2, phases: ['design'] }),
  summary({ id: 'b2', title: 'Docs site', labels: ['docs', 'later'], dueDate: '2026-12-31', assignees: ['bob'], blockedCount: 1 }),
  summary({ id: 'c3', title: 'Release', status: 'blocked', priority: 'low', conflictCount: 2 }),
  summary({ id: 'd4', title: 'Cleanup', status: 'completed', labels: ['core'], dueDate: '2026-03-01', phases: ['execute'] }),
];
const q = (...words: string[]) => filterSummaries(list, { query: words }).map((s) => s.id);

describe('query language', () => {
  it('qualifiers with comma alternatives combine with AND', () => {
    expect(q('status:in_progress,blocked')).toEqual(['a1', 'c3']);
    expect(q('label:core', 'status:completed')).toEqual(['d4']);
    expect(q('assignee:bob')).toEqual(['b2']);
    expect(q('priority:high,low')).toEqual(['a1', 'c3']);
    expect(q('phase:design')).toEqual(['a1']);
  });

  it('negation with a leading -', () => {
    expect(q('-label:later')).toEqual(['a1', 'c3', 'd4']);
    expect(q('-status:completed', '-parser')).toEqual(['b2', 'c3']);
  });

  it('due dates compare, and milestones without a due date never match due:', () => {
    expect(q('due:<2026-06-01')).toEqual(['a1', 'd4']);
    expect(q('due:>=2026-12-31')).toEqual(['b2']);
    expect(q('due:2026-03-01')).toEqual(['a1', 'd4']);
    expect(q('-has:due')).toEqual(['c3']);
  });

  it('blocked: sees blocked status and blocked tasks; has:conflicts', () => {
    expect(q('blocked:true')).toEqual(['b2', 'c3']);
    expect(q('blocked:no')).toEqual(['a1', 'd4']);
    expect(q('has:conflicts')).toEqual(['c3']);
    expect(q('has:tasks')).toEqual(['a1']);
  });

  it('free words search title, description, alias and id prefix; text: takes colons', () => {
    expect(q('site')).toEqual(['b2']);
    expect(q('DOCS', 'site')).toEqual(['b2']);
    expect(q('text:a:b')).toEqual([]);
    expect(parseQuery(['text:a:b']).terms[0]).toMatchObject({ key: 'text', values: ['a:b'] });
  });

  it('sort: orders the answer; an explicit sort option wins', () => {
    expect(q('sort:-due')).toEqual(['b2', 'a1', 'd4', 'c3']);
    expect(filterSummaries(list, { query: ['sort:-due'], sort: 'title' }).map((s) => s.id)).toEqual(['d4', 'b2', 'a1', 'c3']);
  });

  it('refuses unknown qualifiers and values with a hint', () => {
    expect(() => q('stauts:done')).toThrow(/unknown qualifier "stauts:"/);
    expect(() => q('status:done')).toThrow(/status:done is not a known value/);
    expect(() => q('due:<tomorrow')).toThrow(/YYYY-MM-DD/);
    expect(() => q('label:')).toThrow(/needs a value/);
  });
});
