/**
 * `session.checkpoint` {message?, branch?, head?, worktree?, tasks, next, stash?}: where the work
 * stood: the branch and HEAD of the work tree, its path, the tasks in progress with their phases,
 * the next ready tasks, and the uncommitted changes as a stash commit (`git stash create`). That
 * commit is attached to the entity commit that holds this operation (storage/entity/layout.ts), so
 * it is pushed, bundled and kept by `git gc` with the session. A checkpoint counts as a heartbeat.
 * The last one in fold order is the session's lastCheckpoint; the history holds them all.
 */
import type { Operation } from '../types';
import { isPlainObject } from '../values';
import { draft, type Draft, type OpHandler } from '../ops/OpHandler';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys, stringList } from '../ops/payload';
import { ENDED_STATUSES, SESSION_LEVEL, type CheckpointTask, type SessionState } from './types';

const TYPE = 'session.checkpoint';
const OPTIONAL = ['message', 'branch', 'head', 'worktree', 'stash'] as const;

export type SessionCheckpointPayload = {
  message?: string; branch?: string; head?: string; worktree?: string; stash?: string;
  tasks: CheckpointTask[]; next: string[];
};

export function sessionCheckpointOp(p: SessionCheckpointPayload): Draft<typeof TYPE, SessionCheckpointPayload> {
  return draft(TYPE, p);
}

function tasksOf(op: Operation): CheckpointTask[] {
  const v = op.tasks;
  if (!Array.isArray(v)) malformed(op, 'tasks must be an array');
  return v.map((t) => {
    if (!isPlainObject(t) || typeof t.task !== 'string' || (t.phase !== undefined && typeof t.phase !== 'string')) {
      malformed(op, 'tasks must be {task, phase?} objects of strings');
    }
    return t.phase === undefined ? { task: t.task } : { task: t.task, phase: t.phase as string };
  });
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  for (const key of OPTIONAL) if (op[key] !== undefined && typeof op[key] !== 'string') malformed(op, `${key} must be a string`);
  tasksOf(op);
  stringList(op, 'next', true);
}

function validate(state: SessionState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, [...OPTIONAL, 'tasks', 'next']);
  if (state === null) badInput('no such session');
  if (ENDED_STATUSES.includes(state.status)) badInput(`session ${state.id.slice(0, 8)} is ${state.status}: no checkpoint after its end`);
  for (const key of ['head', 'stash'] as const) {
    if (op[key] !== undefined && !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(op[key] as string)) badInput(`${key} must be a commit id`);
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function apply(state: SessionState | null, op: Operation, hash: string): SessionState {
  if (state === null) throw new Error('session.checkpoint before session.create');
  const clock = Math.max(state.clock, op.lamport);
  const record = {
    id: hash, at: op.time, message: text(op.message), branch: text(op.branch), head: text(op.head),
    worktree: text(op.worktree), tasks: tasksOf(op), next: op.next as string[], stash: text(op.stash),
  };
  const heartbeatAt = state.heartbeatAt === null || op.time > state.heartbeatAt ? op.time : state.heartbeatAt;
  return { ...state, lastCheckpoint: record, checkpoints: state.checkpoints + 1, heartbeatAt, clock };
}

export const sessionCheckpoint: OpHandler<SessionState> = { type: TYPE, level: SESSION_LEVEL, check, validate, apply };
