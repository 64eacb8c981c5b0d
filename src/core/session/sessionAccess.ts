/**
 * What every session use case shares: the session store (refs/milestones/session/<id>), finding a
 * session by id or unique prefix, and the typed views the commands print and `execute` reads.
 * A view's status is the recorded one, except that an active session whose process is gone (on
 * this host: storage/lockHolder.ts) or whose last heartbeat is older than `session_timeout`
 * (default 15 min) shows as `crashed`, with `crashReason`; `session cleanup` records that.
 */
import { type CheckpointRecord, type SessionState, type SessionStatus } from '../../domain/session/types';
import { MilestoneError } from '../../errors/MilestoneError';
import { EntityStore } from '../../storage/entity/EntityStore';
import { holderState } from '../../storage/lockHolder';
import type { Context } from '../context';
import { sessionEntity } from '../sessionEntity';

/** A checkpoint as the commands show it: the folded record itself. */
export type CheckpointView = CheckpointRecord;

export interface SessionView {
  id: string;
  milestone: string;
  status: SessionStatus;
  owner: { name: string; email: string; host: string; pid: number };
  startedAt: string;
  endedAt?: string;
  heartbeatAt?: string;
  lastCheckpoint?: CheckpointView;
  checkpoints: number;
  /** Why an active session shows as crashed (the recorded status is still active). */
  crashReason?: 'process gone' | 'heartbeat lapsed';
}

export const DEFAULT_SESSION_TIMEOUT_MS = 15 * 60 * 1000;

export function sessionStore(ctx: Context): EntityStore<SessionState> {
  return new EntityStore(ctx.storage, sessionEntity);
}

/** The full id of the session `given` names (id or unique prefix). */
export async function resolveSession(ctx: Context, given: string): Promise<string> {
  const ids = [...(await sessionStore(ctx).list()).keys()].filter((id) => id.startsWith(given.toLowerCase()));
  if (given.length >= 4 && ids.length === 1) return ids[0];
  if (ids.length > 1 && given.length >= 4) {
    throw new MilestoneError('AMBIGUOUS_ID', `session prefix ${given} matches ${ids.length} sessions`, {
      hint: `Give more characters: ${ids.slice(0, 3).map((i) => i.slice(0, 12)).join(', ')}`, data: { given, matches: ids },
    });
  }
  throw new MilestoneError('NOT_FOUND', `no session ${given}`, {
    hint: given.length < 4 ? 'Give at least 4 characters of the id.' : '`git milestone session list --all` lists sessions (after `git milestone pull` for other clones\').',
    data: { given },
  });
}

/** Why an active session counts as crashed, or null. */
export function crashReason(s: SessionState, now: number, timeoutMs: number): SessionView['crashReason'] | null {
  if (s.status !== 'active') return null;
  const owner = { pid: s.owner.pid, host: s.owner.host, at: '', start: s.owner.start };
  if (holderState(owner) === 'gone') return 'process gone';
  const beat = Date.parse(s.heartbeatAt ?? s.startedAt);
  return now - beat > timeoutMs ? 'heartbeat lapsed' : null;
}

export function checkpointView(c: CheckpointRecord): CheckpointView {
  return { ...c, tasks: c.tasks.map((t) => ({ ...t })), next: [...c.next] };
}

export function sessionView(s: SessionState, o: { now: number; timeoutMs: number }): SessionView {
  const reason = crashReason(s, o.now, o.timeoutMs);
  const { name, email, host, pid } = s.owner;
  return {
    id: s.id, milestone: s.milestone, status: reason ? 'crashed' : s.status, owner: { name, email, host, pid },
    startedAt: s.startedAt,
    ...(s.endedAt ? { endedAt: s.endedAt } : {}),
    ...(s.heartbeatAt ? { heartbeatAt: s.heartbeatAt } : {}),
    ...(s.lastCheckpoint ? { lastCheckpoint: checkpointView(s.lastCheckpoint) } : {}),
    checkpoints: s.checkpoints,
    ...(reason ? { crashReason: reason } : {}),
  };
}
