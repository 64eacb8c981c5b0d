/**
 * Milestone summaries for `list`: one flat record per milestone, then pure filtering and sorting.
 * Filters combine with AND; within one filter: any of the statuses, all of the labels, any of the
 * assignees. `text` matches, ignoring case, the title, description, id prefix or an alias.
 * Deleted milestones are never listed; archived ones only with `all`.
 *
 * Sorting is deterministic: the chosen key, then the id. Missing values (no due date, no
 * priority) sort last in both directions. Keys: created, updated, title, due, priority (high
 * first), progress; a leading `-` reverses the key.
 */
import { MilestoneError } from '../errors/MilestoneError';
import { matchQuery } from './matchQuery';
import type { MilestoneSummary } from './summary';
import { parseQuery } from './queryLanguage';
import { MILESTONE_STATUSES } from './types';
import type { Priority } from './types';
import { compareStrings, timeValue } from './values';

export { summarize, type MilestoneSummary } from './summary';

export const SORT_KEYS = ['created', 'updated', 'title', 'due', 'priority', 'progress'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SummaryFilter {
  status?: string[];
  label?: string[];
  assignee?: string[];
  text?: string;
  /** Include archived milestones. */
  all?: boolean;
  /** A SortKey, optionally prefixed with `-` for descending. Default `created`. */
  sort?: string;
  limit?: number;
  /** Words of the query language (queryLanguage.ts); its `sort:` applies when `sort` is not given. */
  query?: readonly string[];
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };
type Value = string | number | null;

const time = (s: string): Value => timeValue(s) ?? s;
const KEY_VALUE: Record<SortKey, (s: MilestoneSummary) => Value> = {
  created: (s) => time(s.createdAt),
  updated: (s) => time(s.updatedAt),
  title: (s) => s.title.toLowerCase(),
  due: (s) => s.dueDate,
  priority: (s) => (s.priority === null ? null : PRIORITY_RANK[s.priority]),
  progress: (s) => s.progress,
};

const compareValues = (a: Value, b: Value): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : compareStrings(String(a), String(b));

function parseSort(sort: string | undefined): { key: SortKey; desc: boolean } {
  const raw = sort ?? 'created';
  const desc = raw.startsWith('-');
  const key = raw.slice(desc ? 1 : 0) as SortKey;
  if (!SORT_KEYS.includes(key)) {
    throw new MilestoneError('INVALID_INPUT', `unknown sort key ${JSON.stringify(raw)}`, {
      hint: `Use one of ${SORT_KEYS.join(', ')}, with a leading - to reverse.`,
    });
  }
  return { key, desc };
}

function checkFilter(filter: SummaryFilter): void {
  const bad = (filter.status ?? []).find((s) => !(MILESTONE_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) {
    throw new MilestoneError('INVALID_INPUT', `unknown status ${JSON.stringify(bad)}`, {
      hint: `Statuses: ${MILESTONE_STATUSES.join(', ')}.`,
    });
  }
  if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 0)) {
    throw new MilestoneError('INVALID_INPUT', `limit must be a non-negative integer, got ${String(filter.limit)}`);
  }
}

function matches(s: MilestoneSummary, f: SummaryFilter): boolean {
  if (s.deleted || (s.archived && !f.all)) return false;
  if (f.status?.length && !f.status.includes(s.status)) return false;
  if (f.label?.length && !f.label.every((l) => s.labels.includes(l))) return false;
  if (f.assignee?.length && !f.assignee.some((a) => s.assignees.includes(a))) return false;
  if (f.text) {
    const needle = f.text.toLowerCase();
    const hay = [s.title, s.description, ...s.aliases].map((x) => x.toLowerCase());
    if (!s.id.startsWith(needle) && !hay.some((x) => x.includes(needle))) return false;
  }
  return true;
}

/** The summaries that pass `filter`, sorted and limited. Does not modify `list`. */
export function filterSummaries(list: readonly MilestoneSummary[], filter: SummaryFilter = {}): MilestoneSummary[] {
  checkFilter(filter);
  const query = parseQuery(filter.query ?? []);
  const { key, desc } = parseSort(filter.sort ?? query.sort);
  const value = KEY_VALUE[key];
  const out = list.filter((s) => matches(s, filter) && matchQuery(s, query.terms)).sort((a, b) => {
    const [va, vb] = [value(a), value(b)];
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compareValues(va, vb);
      if (c !== 0) return desc ? -c : c;
    }
    return compareStrings(a.id, b.id);
  });
  return filter.limit === undefined ? out : out.slice(0, filter.limit);
}
