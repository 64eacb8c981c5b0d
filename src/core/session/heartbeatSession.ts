/**
 * Tells that a session's owner is still at work. To keep the session's history small, a heartbeat
 * is written only when the last one (or checkpoint, or status change) is older than a third of
 * `session_timeout`: at the default 15 min, at most 12 small commits an hour however often it is
 * called. Returns whether one was written.
 */
import { sessionHeartbeatOp } from '../../domain/session/sessionHeartbeat';
import type { Context } from '../context';
import { resolveSession, sessionStore, sessionView, type SessionView } from './sessionAccess';
import { sessionTimeoutMs } from './sessionSettings';

export interface HeartbeatResult extends SessionView {
  written: boolean;
}

export async function heartbeatSession(ctx: Context, o: { session: string; timeoutMs?: number }): Promise<HeartbeatResult> {
  const id = await resolveSession(ctx, o.session);
  const timeoutMs = o.timeoutMs ?? (await sessionTimeoutMs(ctx));
  const now = ctx.env.clock().getTime();
  const due = (beat: string | null) => beat === null || now - Date.parse(beat) >= timeoutMs / 3;
  const r = await sessionStore(ctx).append(id, ctx.who(), (s) => (due(s.heartbeatAt) ? [sessionHeartbeatOp()] : []));
  return { ...sessionView(r.state, { now, timeoutMs }), written: r.ops.length > 0 };
}
