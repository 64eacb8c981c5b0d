/**
 * Does a milestone summary satisfy every term of a parsed query? Pure; see queryLanguage.ts for
 * the meaning of each qualifier.
 */
import type { Term } from './queryLanguage';
import type { MilestoneSummary } from './summary';
import { waitsFor } from './workflow/pending';

export function matchQuery(s: MilestoneSummary, terms: readonly Term[]): boolean {
  return terms.every((t) => matchTerm(s, t) !== t.negate);
}

function matchTerm(s: MilestoneSummary, t: Term): boolean {
  switch (t.key) {
    case 'status':
      return t.values.includes(s.status);
    case 'label':
      return t.values.some((v) => s.labels.includes(v));
    case 'assignee':
      return t.values.some((v) => s.assignees.includes(v));
    case 'priority':
      return s.priority !== null && t.values.includes(s.priority);
    case 'phase':
      return t.values.some((v) => s.phases.includes(v));
    case 'blocked':
      return (s.status === 'blocked' || s.blockedCount > 0) === ['true', 'yes'].includes(t.values[0]);
    case 'has':
      return t.values.some((v) => has(s, v));
    case 'waiting':
      return t.values.some((v) => s.pendingReviews.some((r) => waitsFor(r, v)));
    case 'overdue':
      return overdue(s, t.values);
    case 'due':
      return s.dueDate !== null && t.values.some((v) => compareDate(s.dueDate!.slice(0, 10), t.op, v));
    case 'text':
      return t.values.every((v) => textMatch(s, v));
  }
}

/**
 * Values as core/workflow/workflowTerms.ts resolves them: the default cutoff (`since:<instant>`: an
 * open phase started at or before it; `never`: no timeout), then `<workflow>/<phase>=<cutoff>` for
 * phases with their own timeout. true/false unresolved: any open phase.
 */
function overdue(s: MilestoneSummary, values: readonly string[]): boolean {
  const [first] = values;
  if (first === 'true' || first === 'false') return (s.openPhaseSince !== null) === (first === 'true');
  const own = new Map(values.slice(1).map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]));
  return Object.entries(s.openPhases ?? {}).some(([key, since]) => {
    const cutoff = own.get(key) ?? first;
    return cutoff.startsWith('since:') && Date.parse(since) <= Date.parse(cutoff.slice(6));
  });
}

function has(s: MilestoneSummary, what: string): boolean {
  if (what === 'conflicts') return s.conflictCount > 0;
  if (what === 'due') return s.dueDate !== null;
  if (what === 'tasks') return s.taskCount > 0;
  return s.labels.length > 0;
}

function compareDate(date: string, op: Term['op'], v: string): boolean {
  if (op === '<') return date < v;
  if (op === '<=') return date <= v;
  if (op === '>') return date > v;
  if (op === '>=') return date >= v;
  return date === v;
}

function textMatch(s: MilestoneSummary, text: string): boolean {
  const needle = text.toLowerCase();
  return s.id.startsWith(needle) || [s.title, s.description, ...s.aliases].some((x) => x.toLowerCase().includes(needle));
}
