/**
 * The query terms that depend on who asks and when (`list waiting:me`, `list overdue:true`):
 * `me` becomes the identity running the command (as git takes a commit's author), and
 * `overdue:true|false` becomes `since:<now - kiro_workflow.phase_timeout>` (or `never` without a
 * timeout), so the domain's match stays pure. Other words pass unchanged; settings are read only
 * when such a term is present.
 */
import type { Context } from '../context';
import { workflowSettings } from './workflowSettings';

const TERM = /^(-?)(waiting|overdue):(.*)$/;

export async function resolveWorkflowTerms(ctx: Context, words: readonly string[]): Promise<string[]> {
  if (!words.some((w) => TERM.test(w))) return [...words];
  const timeoutMs = words.some((w) => /^-?overdue:/.test(w)) ? (await workflowSettings(ctx)).timeoutMs : null;
  return words.map((w) => {
    const m = TERM.exec(w);
    if (!m) return w;
    const [, neg, key, value] = m;
    if (key === 'waiting') return `${neg}waiting:${value.split(',').map((v) => (v === 'me' ? ctx.who().author.email : v)).join(',')}`;
    if (value !== 'true' && value !== 'false') return w;
    const at = timeoutMs === null ? 'never' : `since:${new Date(ctx.env.clock().getTime() - timeoutMs).toISOString()}`;
    const negate = (neg === '-') !== (value === 'false');
    return `${negate ? '-' : ''}overdue:${at}`;
  });
}
