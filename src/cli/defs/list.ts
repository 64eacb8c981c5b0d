/** `git milestone list` (alias `status`) */
import { listAsOf } from '../../core/history/listAsOf';
import { listMilestones } from '../../core/listMilestones';
import { SORT_KEYS } from '../../domain/query';
import type { SummaryList } from '../../index/shared/summaryList';
import { MILESTONE_STATUSES } from '../../domain/types';
import { BACKENDS } from '../../domain/scaleDecision';
import { listClaims } from '../../core/claim/listClaims';
import type { Context } from '../../core/context';
import type { ClaimView } from '../../domain/claim/claimState';
import type { CommandDef, Input } from '../CommandDef';
import { bar, oneLine, short, table } from '../format';
import { idText, statusText, type TextStyle } from '../style';
import { claimsText } from './claim/claimsText';

const def: CommandDef<SummaryList> = {
  summary: 'List milestones with their status and progress.',
  description: `Reads the derived index (refreshed against the refs first). Archived milestones are hidden unless --all.

Words after the command are a query; all must hold:
  status:in_progress,blocked  label:backend  assignee:alice  priority:high  phase:design
  'due:<2026-12-31'  'due:>=2026-01-01'  blocked:true  has:conflicts  has:due  has:tasks  has:labels
  waiting:me (a phase waits for my review)  overdue:true (a phase open past kiro_workflow.phase_timeout)
  sort:-due   -label:later (a leading - negates)   other words search titles and descriptions
Quote a term with < or > (as above): the shell reads them as redirections.`,
  examples: [
    'git milestone list',
    'git milestone list --status in_progress --label backend',
    'git milestone list parser --sort -progress --json',
    "git milestone list status:in_progress,blocked -label:later 'due:<2026-12-31' sort:due",
    'git milestone status assignee:alice blocked:true --limit 5',
    'git milestone list --backend sqlite parser',
    'git milestone list phase:spec waiting:me',
  ],
  variadic: true,
  flags: {
    status: { type: 'string', multiple: true, options: MILESTONE_STATUSES, description: 'Only these statuses (repeatable).' },
    label: { type: 'string', multiple: true, description: 'Only milestones with this label (repeatable: all must match).' },
    assignee: { type: 'string', multiple: true, description: 'Only milestones with a task assigned to this person (repeatable).' },
    sort: { type: 'string', options: [...SORT_KEYS, ...SORT_KEYS.map((k) => `-${k}`)], description: 'Sort key; a leading - sorts descending.' },
    all: { type: 'boolean', char: 'a', description: 'Include archived milestones.' },
    limit: { type: 'integer', char: 'n', description: 'Show at most this many.' },
    conflicts: { type: 'boolean', description: 'Only milestones with conflicts (fields edited concurrently in different clones; same as has:conflicts).' },
    backend: { type: 'string', options: BACKENDS, description: 'Read from this index (default: picked by scale; see `git milestone scale`).' },
    'as-of': { type: 'string', description: 'The plan as it stood then (YYYY-MM-DD: end of that day, UTC; or an ISO date-time), folded from the history.' },
  },
  execute: async (ctx, input) => {
    const filter = {
      status: input.flags.status as string[] | undefined,
      label: input.flags.label as string[] | undefined,
      assignee: input.flags.assignee as string[] | undefined,
      query: input.flags.conflicts ? [...input.rest, 'has:conflicts'] : input.rest,
      sort: input.flags.sort as never,
      all: Boolean(input.flags.all),
      limit: input.flags.limit as number | undefined,
    };
    const asOf = input.flags['as-of'] as string | undefined;
    return withClaims(ctx, input, asOf !== undefined ? await listAsOf(ctx, filter, asOf)
      : await listMilestones(ctx, filter, { backend: input.flags.backend as string | undefined }));
  },
  text: (list, input, style) => [listText(list, input, style), claimsText(claimsOf(list, list.items.map((m) => m.id)), Date.now())]
    .filter(Boolean).join('\n\n'),
};

function listText(list: SummaryList, input: Input, style: TextStyle): string {
  return list.length === 0
      ? filtered(input.flags, input.rest)
        ? 'No milestones match.'
        : 'No milestones. Create one with `git milestone new "<title>"`.'
      : table(
          list.items.map((m) => [
            idText(style, short(m.id)), statusText(style, m.status), bar(m.progress, 10, style), `${m.doneCount}/${m.taskCount}`,
            oneLine(m.title) + (m.labels.length ? `  [${m.labels.map(oneLine).join(', ')}]` : ''),
          ]),
          ['ID', 'STATUS', 'PROGRESS', 'TASKS', 'TITLE'],
          style,
        );
}

const CLAIMS = Symbol('claims');

/** For text only (the JSON answer stays the index's bytes): the unreleased claims, kept beside the list. */
async function withClaims(ctx: Context, input: Input, list: SummaryList): Promise<SummaryList> {
  if (!input.flags.json) Object.defineProperty(list, CLAIMS, { value: await listClaims(ctx), enumerable: false });
  return list;
}

function claimsOf(list: SummaryList, ids: string[]): ClaimView[] {
  const shown = new Set(ids);
  return ((list as unknown as Record<symbol, ClaimView[] | undefined>)[CLAIMS] ?? []).filter((c) => shown.has(c.milestone));
}
/** Whether the user narrowed the list (then an empty answer is "no match", not "no milestones"). */
function filtered(flags: Record<string, unknown>, rest: string[]): boolean {
  return rest.length > 0 || ['status', 'label', 'assignee', 'conflicts'].some((f) => flags[f] !== undefined && flags[f] !== false);
}

export default def;
