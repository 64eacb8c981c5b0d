/**
 * `session.heartbeat` {}: the owner is still at work (its time is the heartbeat). A session whose
 * last heartbeat is older than `session_management.heartbeat_timeout` is found crashed. Use cases
 * write one at most every third of that timeout (core/session/heartbeatSession.ts), so a session's
 * history grows by a bounded number of small commits per hour, not by one per call.
 */
import type { Operation } from '../types';
import { draft, type Draft, type OpHandler } from '../ops/OpHandler';
import { badInput, checkEnvelope, rejectUnknownKeys } from '../ops/payload';
import { ENDED_STATUSES, SESSION_LEVEL, type SessionState } from './types';

const TYPE = 'session.heartbeat';

export type SessionHeartbeatPayload = object;

export function sessionHeartbeatOp(): Draft<typeof TYPE, SessionHeartbeatPayload> {
  return draft(TYPE, {});
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
}

function validate(state: SessionState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, []);
  if (state === null) badInput('no such session');
  if (ENDED_STATUSES.includes(state.status)) badInput(`session ${state.id.slice(0, 8)} is ${state.status}: no heartbeat after its end`);
}

function apply(state: SessionState | null, op: Operation): SessionState {
  if (state === null) throw new Error('session.heartbeat before session.create');
  const later = state.heartbeatAt === null || op.time > state.heartbeatAt;
  return { ...state, heartbeatAt: later ? op.time : state.heartbeatAt, clock: Math.max(state.clock, op.lamport) };
}

export const sessionHeartbeat: OpHandler<SessionState> = { type: TYPE, level: SESSION_LEVEL, check, validate, apply };
