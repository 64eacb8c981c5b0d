/**
 * The query terms that depend on who asks and when (`list waiting:me`, `list overdue:true`):
 * `me` becomes the identity running the command (as git takes a commit's author), and
 * `overdue:true|false` becomes the cutoffs `since:<now - kiro_workflow.phase_timeout>` (or `never`
 * without a timeout) followed by `<workflow>/<phase>=since:<now - its timeout>` for each phase of
 * a workflow file with a timeout of its own, so the domain's match stays pure and index-answered.
 * Other words pass unchanged; settings are read only when such a term is present.
 */
import type { Context } from '../context';
import { timeoutExceptions } from './phaseTimeouts';
import { workflowSettings } from './workflowSettings';

const TERM = /^(-?)(waiting|overdue):(.*)$/;

async function overdueValue(ctx: Context): Promise<string> {
  const settings = await workflowSettings(ctx);
  const now = ctx.env.clock().getTime();
  const cutoff = (ms: number | null) => (ms === null ? 'never' : `since:${new Date(now - ms).toISOString()}`);
  const phases = [...timeoutExceptions(ctx, settings)].map(([key, ms]) => `${key}=${cutoff(ms)}`);
  return [cutoff(settings.timeoutMs), ...phases].join(',');
}

export async function resolveWorkflowTerms(ctx: Context, words: readonly string[]): Promise<string[]> {
  if (!words.some((w) => TERM.test(w))) return [...words];
  const overdue = words.some((w) => /^-?overdue:(true|false)$/.test(w)) ? await overdueValue(ctx) : '';
  return words.map((w) => {
    const m = TERM.exec(w);
    if (!m) return w;
    const [, neg, key, value] = m;
    if (key === 'waiting') {
      const who = value.split(',').map((v) => (v === 'me' ? ctx.who().author.email : v));
      return `${neg}waiting:${who.join(',')}`;
    }
    if (value !== 'true' && value !== 'false') return w;
    const negate = (neg === '-') !== (value === 'false');
    return `${negate ? '-' : ''}overdue:${overdue}`;
  });
}
