/**
 * `session.create` {milestone, host, pid, start, nonce}: the root operation of a session. The
 * owner's name and e-mail are the operation's author; host, pid and the process start time say
 * which process runs it (a crash is found by them). The nonce makes every session's id unique.
 */
import type { Operation } from '../types';
import { draft, type Draft, type OpHandler } from '../ops/OpHandler';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys, requireNonce, requireString } from '../ops/payload';
import { SESSION_LEVEL, type SessionState } from './types';

const TYPE = 'session.create';
export const SESSION_CREATE = TYPE;

export type SessionCreatePayload = { milestone: string; host: string; pid: number; start: string | null; nonce: string };

export function sessionCreateOp(p: SessionCreatePayload): Draft<typeof TYPE, SessionCreatePayload> {
  return draft(TYPE, p);
}

/** host, pid and start: who runs a session (create and a status change that takes it over). */
export function checkProcess(op: Operation, required: boolean): void {
  if (!required && op.host === undefined && op.pid === undefined) return;
  requireString(op, 'host');
  if (!Number.isSafeInteger(op.pid) || (op.pid as number) <= 0) malformed(op, 'pid must be a positive integer');
  if (op.start !== undefined && op.start !== null && typeof op.start !== 'string') malformed(op, 'start must be a string or null');
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'milestone');
  checkProcess(op, true);
  requireNonce(op);
}

function validate(state: SessionState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['milestone', 'host', 'pid', 'start', 'nonce']);
  if (state !== null) badInput('a session is created once');
  if (!/^[0-9a-f]{64}$/.test(op.milestone as string)) badInput('milestone must be a full milestone id');
}

function apply(state: SessionState | null, op: Operation, hash: string): SessionState {
  if (state !== null) return { ...state, clock: Math.max(state.clock, op.lamport) };
  return {
    id: hash,
    milestone: op.milestone as string,
    status: 'active',
    owner: {
      name: op.author.name, email: op.author.email, host: op.host as string, pid: op.pid as number,
      start: typeof op.start === 'string' ? op.start : null,
    },
    startedAt: op.time,
    endedAt: null,
    heartbeatAt: op.time,
    lastCheckpoint: null,
    checkpoints: 0,
    clock: op.lamport,
  };
}

export const sessionCreate: OpHandler<SessionState> = { type: TYPE, level: SESSION_LEVEL, check, validate, apply };
