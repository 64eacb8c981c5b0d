/**
 * `session.status` {status, host?, pid?, start?}: pauses, resumes, ends or marks a session crashed.
 * With host and pid the writer takes the session over (a resume by another process or machine):
 * the owner becomes the writer's identity and process. Completed and abandoned are final: validate
 * refuses to leave them, and apply ignores a concurrent change that meets them in a merge, so every
 * clone folds the same status. completed/abandoned set endedAt.
 */
import type { Operation } from '../types';
import { draft, type Draft, type OpHandler } from '../ops/OpHandler';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys } from '../ops/payload';
import { checkProcess } from './sessionCreate';
import { ENDED_STATUSES, SESSION_LEVEL, SESSION_STATUSES, type SessionState, type SessionStatus } from './types';

const TYPE = 'session.status';

export type SessionStatusPayload = { status: SessionStatus; host?: string; pid?: number; start?: string | null };

export function sessionStatusOp(p: SessionStatusPayload): Draft<typeof TYPE, SessionStatusPayload> {
  return draft(TYPE, p);
}

/** Moves allowed from each status (setting the current one again is refused as a no-op). */
const MOVES: Record<SessionStatus, readonly SessionStatus[]> = {
  active: ['paused', 'completed', 'abandoned', 'crashed'],
  paused: ['active', 'completed', 'abandoned', 'crashed'],
  crashed: ['active', 'paused', 'completed', 'abandoned'],
  completed: [],
  abandoned: [],
};

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  if (!SESSION_STATUSES.includes(op.status as SessionStatus)) malformed(op, `status must be one of ${SESSION_STATUSES.join(', ')}`);
  checkProcess(op, false);
}

function validate(state: SessionState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['status', 'host', 'pid', 'start']);
  if (state === null) badInput('no such session');
  const to = op.status as SessionStatus;
  const takeOver = op.host !== undefined;
  if (state.status === to && !(to === 'active' && takeOver)) badInput(`session ${state.id.slice(0, 8)} is already ${to}`);
  if (state.status !== to && !MOVES[state.status].includes(to)) {
    badInput(`session ${state.id.slice(0, 8)} is ${state.status}: it cannot become ${to}`,
      ENDED_STATUSES.includes(state.status) ? 'An ended session stays ended; start a new one (`git milestone session start`).' : undefined,
      { session: state.id, status: state.status, to });
  }
}

function apply(state: SessionState | null, op: Operation): SessionState {
  if (state === null) throw new Error('session.status before session.create'); // the fold skips it
  const next = { ...state, clock: Math.max(state.clock, op.lamport) };
  if (ENDED_STATUSES.includes(state.status)) return next;
  const status = op.status as SessionStatus;
  const owner = typeof op.host === 'string' && typeof op.pid === 'number'
    ? { name: op.author.name, email: op.author.email, host: op.host, pid: op.pid, start: typeof op.start === 'string' ? op.start : null }
    : state.owner;
  const ended = ENDED_STATUSES.includes(status);
  return { ...next, status, owner, endedAt: ended ? op.time : null, heartbeatAt: ended ? state.heartbeatAt : op.time };
}

export const sessionStatus: OpHandler<SessionState> = { type: TYPE, level: SESSION_LEVEL, check, validate, apply };
