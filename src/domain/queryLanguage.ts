/**
 * The query language of `list` (and later `portfolio`): words combine with AND.
 *   status:in_progress,blocked   any of the values (comma)      label:backend   has that label
 *   assignee:alice   priority:high   phase:design   blocked:true|false   has:conflicts|due|tasks|labels
 *   due:<2026-12-31  due:>=2026-01-01  due:2026-06-30   (dates compare as YYYY-MM-DD)
 *   waiting:me|EMAIL   a phase waits for this reviewer's approval   overdue:true|false   a phase is open
 *   longer than kiro_workflow.phase_timeout (core/workflow/workflowTerms.ts resolves `me` and the time)
 *   sort:-due   (one of the sort keys, - for descending)     text:"a:b"   explicit free text
 *   -label:later   a leading - negates any term (on the command line, negate a free word as -text:word)
 * Other words are free text (title, description, alias or id prefix, ignoring case). An unknown
 * qualifier is an error rather than a silent empty answer.
 */
import { MilestoneError } from '../errors/MilestoneError';
import { MILESTONE_STATUSES, PRIORITIES } from './types';

export const QUALIFIERS = [
  'status', 'label', 'assignee', 'priority', 'due', 'phase', 'blocked', 'has', 'waiting', 'overdue', 'sort', 'text',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const HAS_VALUES = ['conflicts', 'due', 'tasks', 'labels'] as const;

export interface Term {
  key: Exclude<Qualifier, 'sort'>;
  op: '=' | '<' | '<=' | '>' | '>=';
  values: string[];
  negate: boolean;
}

export interface Query {
  terms: Term[];
  sort?: string;
}

const invalid = (message: string, hint?: string) => new MilestoneError('INVALID_INPUT', message, { hint });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** true|false as typed; `since:<instant>` / `never` once the use case resolved the timeout. */
const OVERDUE_VALUE = /^(?:[a-z][\w-]*\/[a-z][\w-]*=)?(true|false|never|since:\S+)$/;

export function parseQuery(words: readonly string[]): Query {
  const query: Query = { terms: [] };
  for (const word of words) {
    if (word.trim() === '') continue;
    const negate = word.startsWith('-') && word.length > 1;
    const body = negate ? word.slice(1) : word;
    const m = /^([a-z_]+):(.*)$/s.exec(body);
    if (!m) {
      query.terms.push({ key: 'text', op: '=', values: [body], negate });
      continue;
    }
    const key = m[1] as Qualifier;
    if (!(QUALIFIERS as readonly string[]).includes(key)) {
      throw invalid(`unknown qualifier "${m[1]}:" in ${JSON.stringify(word)}`, `Qualifiers: ${QUALIFIERS.map((q) => `${q}:`).join(' ')}; to search for the text, write text:${JSON.stringify(body)}.`);
    }
    if (key === 'sort') {
      query.sort = negate ? `-${m[2]}` : m[2];
      continue;
    }
    query.terms.push(term(key, m[2], negate, word));
  }
  return query;
}

function term(key: Exclude<Qualifier, 'sort'>, raw: string, negate: boolean, word: string): Term {
  if (key === 'text') return { key, op: '=', values: [raw], negate };
  const opMatch = key === 'due' ? /^(<=|>=|<|>)?(.*)$/s.exec(raw) : null;
  const op = (opMatch?.[1] ?? '=') as Term['op'];
  const values = (opMatch ? opMatch[2] : raw).split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) throw invalid(`${JSON.stringify(word)} needs a value`);
  const allowed: Partial<Record<Term['key'], readonly string[]>> = {
    status: MILESTONE_STATUSES, priority: PRIORITIES, blocked: ['true', 'false', 'yes', 'no'], has: HAS_VALUES,
  };
  if (key === 'overdue' && !values.every((v) => OVERDUE_VALUE.test(v))) throw invalid(`${JSON.stringify(word)}: overdue takes true or false`);
  const bad = values.find((v) => allowed[key] && !allowed[key]?.includes(v));
  if (bad !== undefined) throw invalid(`${key}:${bad} is not a known value`, `Use one of: ${allowed[key]?.join(', ')}.`);
  if (key === 'due' && values.some((v) => !DATE.test(v))) throw invalid(`${JSON.stringify(word)}: dates are YYYY-MM-DD`);
  if (key === 'due' && op !== '=' && values.length > 1) throw invalid(`${JSON.stringify(word)}: a comparison takes one date`);
  return { key, op, values, negate };
}
