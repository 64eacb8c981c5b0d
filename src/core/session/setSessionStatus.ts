/**
 * Moves a session to another status: paused, active, completed, abandoned or crashed (the domain
 * refuses leaving completed or abandoned). `takeOver` makes the writer's process the owner, as a
 * resume by another process or machine does.
 */
import * as os from 'node:os';
import { sessionStatusOp } from '../../domain/session/sessionStatus';
import type { SessionStatus } from '../../domain/session/types';
import { processStart } from '../../storage/lockHolder';
import type { Context } from '../context';
import { resolveSession, sessionStore, sessionView, type SessionView, DEFAULT_SESSION_TIMEOUT_MS } from './sessionAccess';

export interface SetSessionStatusInput {
  session: string;
  status: SessionStatus;
  /** Become the owner: this host and the given process. */
  takeOver?: { pid: number; host?: string };
}

export async function setSessionStatus(ctx: Context, o: SetSessionStatusInput): Promise<SessionView> {
  const id = await resolveSession(ctx, o.session);
  const host = o.takeOver ? (o.takeOver.host ?? os.hostname()) : undefined;
  const owner = o.takeOver && host
    ? { host, pid: o.takeOver.pid, start: host === os.hostname() ? processStart(o.takeOver.pid) : null } : {};
  const r = await sessionStore(ctx).append(id, ctx.who(), () => [sessionStatusOp({ status: o.status, ...owner })]);
  ctx.env.log.info('session status', { session: id, status: o.status });
  return sessionView(r.state, { now: ctx.env.clock().getTime(), timeoutMs: DEFAULT_SESSION_TIMEOUT_MS });
}
