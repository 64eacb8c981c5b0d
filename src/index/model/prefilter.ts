/**
 * Narrows `list` candidates in SQL (SQLite or PostgreSQL) before the domain filters them exactly.
 * Every condition here is exact or a superset of the domain's meaning (queryLanguage.ts,
 * matchQuery.ts, query.ts), so the final answer is always the domain's own: SQL only saves the
 * work of parsing rows that cannot match. Terms with no cheap SQL form are left to the domain.
 * Rows are the `milestones` table aliased `m`; the dialect supplies placeholders and the
 * per-table scope (PostgreSQL keys every table by repository) and the free-text test.
 */
import type { SummaryFilter } from '../../domain/query';
import { parseQuery, type Term } from '../../domain/queryLanguage';

export interface Dialect {
  /** A placeholder for `value` (`?` in SQLite, `$n` in PostgreSQL). */
  param(value: unknown): string;
  /** Extra condition tying a child table row `alias` to `m` (e.g. its repository). */
  scope(alias: string): string;
  /** A condition true at least whenever title, description or an alias contains `needle` (lowercase ASCII, ≥ 3 chars). */
  text(needle: string): string;
  bool(v: boolean): string;
}

const ASCII = /^[\x20-\x7e]*$/;

export function prefilter(filter: SummaryFilter, d: Dialect): string[] {
  const where = [`m.error IS NULL`, `m.deleted = ${d.bool(false)}`];
  const list = (vs: readonly string[]) => vs.map((v) => d.param(v)).join(', ');
  const label = (vs: readonly string[]) => `EXISTS (SELECT 1 FROM labels l WHERE l.milestone_id = m.id${d.scope('l')} AND l.label IN (${list(vs)}))`;
  const assignee = (vs: readonly string[]) =>
    `EXISTS (SELECT 1 FROM tasks t WHERE t.milestone_id = m.id${d.scope('t')} AND t.deleted = ${d.bool(false)} AND t.assignee IN (${list(vs)}))`;
  const text = (raw: string): string | null => {
    const needle = raw.toLowerCase();
    if (needle.length < 3 || !ASCII.test(needle)) return null;
    return `(substr(m.id, 1, ${needle.length}) = ${d.param(needle)} OR m.text_ascii = ${d.bool(false)} OR ${d.text(needle)})`;
  };
  if (!filter.all) where.push(`m.archived = ${d.bool(false)}`);
  if (filter.status?.length) where.push(`m.status IN (${list(filter.status)})`);
  for (const l of filter.label ?? []) where.push(label([l]));
  if (filter.assignee?.length) where.push(assignee(filter.assignee));
  if (filter.text) where.push(text(filter.text) ?? 'TRUE');
  for (const t of parseQuery(filter.query ?? []).terms) {
    const c = term(t, { list, label, assignee, text, d });
    if (c) where.push(c);
  }
  return where.filter((w) => w !== 'TRUE');
}

interface Helpers {
  list(vs: readonly string[]): string;
  label(vs: readonly string[]): string;
  assignee(vs: readonly string[]): string;
  text(raw: string): string | null;
  d: Dialect;
}

function term(t: Term, h: Helpers): string | null {
  const { list, d } = h;
  const not = (c: string) => (t.negate ? `NOT ${c}` : c);
  switch (t.key) {
    case 'status':
      return not(`(m.status IN (${list(t.values)}))`);
    case 'label':
      return not(h.label(t.values));
    case 'assignee':
      return not(h.assignee(t.values));
    case 'priority':
      return t.negate ? `(m.priority IS NULL OR m.priority NOT IN (${list(t.values)}))` : `m.priority IN (${list(t.values)})`;
    case 'due': {
      if (t.negate) return null;
      const day = `substr(m.due_date, 1, 10)`;
      return t.op === '=' ? `${day} IN (${list(t.values)})` : `(m.due_date IS NOT NULL AND ${day} ${t.op} ${d.param(t.values[0])})`;
    }
    case 'blocked': {
      const c = `(m.status = 'blocked' OR m.blocked_count > 0)`;
      return ['true', 'yes'].includes(t.values[0]) !== t.negate ? c : `NOT ${c}`;
    }
    case 'text':
      return t.negate ? null : h.text(t.values[0]);
    default:
      return null;
  }
}
