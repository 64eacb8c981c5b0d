/** `git milestone next` */
import { claimNext } from '../../core/claim/claimNext';
import { nextTasks, type NextResult } from '../../core/nextTasks';
import type { ClaimView } from '../../domain/claim/claimState';
import type { TaskView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { cut, oneLine, short, table } from '../format';
import { idText, type TextStyle } from '../style';
import { listClaims } from '../../core/claim/listClaims';
import { AS_FLAG, claimLine, REMOTE_FLAG, remoteOf, TTL_FLAG, ttlOf } from './claim/claimFlags';
import { holderText } from './claim/claimsText';

const def: CommandDef<NextResult | TaskView[] | ClaimView | null> = {
  summary: 'Tasks ready to start now, and why the others wait.',
  description: 'A task is ready when it is pending and every task it depends on is completed or cancelled. With --json the output is the array of ready tasks (add --explain for the full object with waiting reasons).',
  examples: [
    'git milestone next', 'git milestone next 3f2a --json', 'git milestone next --explain --json',
    'git milestone next --limit 10', 'git milestone next --claim --as agent-1 --json',
  ],
  args: [{ name: 'milestone', description: 'Only this milestone (id, prefix or alias).' }],
  flags: {
    explain: { type: 'boolean', description: 'With --json: print {ready, inProgress, blocked, waiting} instead of only the ready tasks.' },
    limit: { type: 'integer', char: 'n', description: 'Show at most this many tasks of each kind (ready, in progress, blocked, waiting).' },
    claim: { type: 'boolean', description: 'Atomically claim the first ready task nobody holds and print the claim (null/nothing when none is ready; exit 0).' },
    ttl: TTL_FLAG,
    as: AS_FLAG,
    remote: REMOTE_FLAG,
  },
  async execute(ctx, input) {
    if (input.flags.claim) {
      return claimNext(ctx, { milestone: input.args.milestone, ttlMs: ttlOf(input.flags), agent: input.flags.as as string | undefined, remote: remoteOf(input.flags) });
    }
    const r = await nextTasks(ctx, { milestone: input.args.milestone, limit: input.flags.limit as number | undefined });
    if (input.flags.json) return input.flags.explain ? r : r.ready;
    const claims = await listClaims(ctx); // text only: who holds which task until when
    return claims.length > 0 ? { ...r, claims: new Map(claims.map((c) => [c.task, c])) } : r;
  },
  text(result, input, style) {
    if (input.flags.claim) return result === null ? 'Nothing is ready to claim.' : `Claimed ${claimLine(result as ClaimView)}`;
    const r = result as NextResult & { claims?: Map<string, ClaimView> };
    const held = (t: TaskView) => {
      const c = r.claims?.get(t.id);
      return c ? `  [${holderText(c, Date.now())}]` : '';
    };
    const rows = (ts: TaskView[], second: (t: TaskView) => string) => table(ts.map((t) => [idText(style, short(t.id)), second(t), oneLine(t.title) + held(t)]), undefined, style);
    const parts: string[] = [];
    parts.push(r.ready.length === 0 ? 'Nothing is ready to start.' : `Ready:\n${rows(r.ready, (t) => short(t.milestoneId))}`);
    if (r.inProgress.length) parts.push(`In progress:\n${rows(r.inProgress, (t) => oneLine(t.assignee ?? ''))}`);
    if (r.blocked.length) {
      const why = (t: TaskView) => (t.blocker ? `\n    ${oneLine(t.blocker.reason.split('\n')[0])}` : '');
      parts.push(`Blocked:\n${r.blocked.map((t) => `${rows([t], (x) => oneLine(x.assignee ?? ''))}${why(t)}`).join('\n')}`);
    }
    if (r.waiting.length) parts.push(`Waiting:\n${r.waiting.map((w) => waiting(w, style)).join('\n')}`);
    return parts.join('\n\n');
  },
};
export default def;

function waiting(w: NextResult['waiting'][number], style: TextStyle): string {
  const fit = (line: string) => (style.width === undefined ? line : cut(line, style.width));
  return [fit(`${idText(style, short(w.task.id))} ${oneLine(w.task.title)}`), ...w.reasons.map((x) => fit(`    ${oneLine(x)}`))].join('\n');
}
