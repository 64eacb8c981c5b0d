/**
 * The sessions of this clone (pull brings other clones'), newest first: all of them, or those of
 * one milestone; `active` keeps those not ended (active, paused, crashed). The snapshots are read
 * in three batched reads whatever their number. An unreadable one (damaged, or written by a newer
 * release) is left out with a warning; `doctor` names it.
 */
import type { Context } from '../context';
import { resolveMilestone } from '../resolveMilestone';
import { sessionStore, sessionView, type SessionView } from './sessionAccess';
import { sessionTimeoutMs } from './sessionSettings';

export async function listSessions(
  ctx: Context, o: { milestone?: string; active?: boolean; timeoutMs?: number } = {},
): Promise<SessionView[]> {
  const store = sessionStore(ctx);
  const tips = await store.list();
  if (tips.size === 0) return [];
  const milestone = o.milestone ? await resolveMilestone(ctx, o.milestone) : undefined;
  const timeoutMs = o.timeoutMs ?? (await sessionTimeoutMs(ctx));
  const now = ctx.env.clock().getTime();
  const views: SessionView[] = [];
  for (const [id, read] of await store.readMany(tips)) {
    if ('error' in read && read.error) {
      ctx.env.err(`warning: session ${id.slice(0, 8)} skipped: ${read.error.message}\n`);
      continue;
    }
    const v = sessionView((read as { state: Parameters<typeof sessionView>[0] }).state, { now, timeoutMs });
    if (milestone && v.milestone !== milestone) continue;
    if (o.active && (v.status === 'completed' || v.status === 'abandoned')) continue;
    views.push(v);
  }
  return views.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
}
