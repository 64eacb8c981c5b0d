/**
 * Starts a session on a milestone: a new refs/milestones/session/<id> whose owner is the writer's
 * git identity, this host and the process the work runs in (`pid`, default the nearest ancestor
 * that is not git or node: storage/lockHolder.ts ownerProcess). `execute` passes its own pid.
 */
import * as os from 'node:os';
import { sessionCreateOp } from '../../domain/session/sessionCreate';
import { ownerProcess, processStart } from '../../storage/lockHolder';
import type { Context } from '../context';
import { readMilestone } from '../milestoneAccess';
import { resolveMilestone } from '../resolveMilestone';
import { sessionStore, sessionView, type SessionView, DEFAULT_SESSION_TIMEOUT_MS } from './sessionAccess';

export interface StartSessionInput {
  milestone: string;
  pid?: number;
  host?: string;
}

export async function startSession(ctx: Context, o: StartSessionInput): Promise<SessionView> {
  const milestone = await resolveMilestone(ctx, o.milestone);
  await readMilestone(ctx, milestone); // refuses a deleted one
  const owner = o.pid !== undefined ? { pid: o.pid, start: processStart(o.pid) } : ownerProcess();
  const host = o.host ?? os.hostname();
  const op = sessionCreateOp({ milestone, host, pid: owner.pid, start: host === os.hostname() ? owner.start : null, nonce: ctx.env.nonce() });
  const tip = await sessionStore(ctx).create(op, ctx.who());
  ctx.env.log.info('session started', { session: tip.id, milestone });
  return sessionView(tip.state, { now: ctx.env.clock().getTime(), timeoutMs: DEFAULT_SESSION_TIMEOUT_MS });
}
