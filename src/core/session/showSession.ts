/** One session, with its last checkpoint; an active session whose owner is gone shows as crashed. */
import type { Context } from '../context';
import { resolveSession, sessionStore, sessionView, type SessionView } from './sessionAccess';
import { sessionTimeoutMs } from './sessionSettings';

export async function showSession(ctx: Context, o: { session: string; timeoutMs?: number }): Promise<SessionView> {
  const id = await resolveSession(ctx, o.session);
  const { state } = await sessionStore(ctx).read(id);
  return sessionView(state, { now: ctx.env.clock().getTime(), timeoutMs: o.timeoutMs ?? (await sessionTimeoutMs(ctx)) });
}
