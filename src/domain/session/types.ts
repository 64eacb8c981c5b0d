/**
 * The session entity (refs/milestones/session/<id>): one run of work on a milestone by one owner
 * (git identity, host, process), with its status, heartbeats and checkpoints. Its operations live
 * beside this file, one per file (sessionCreate, sessionStatus, sessionHeartbeat, sessionCheckpoint);
 * all belong to format level 3 (formatLevels.ts), so an older release names the release it needs.
 */
export const SESSION_STATUSES = ['active', 'paused', 'completed', 'abandoned', 'crashed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses a session never leaves. */
export const ENDED_STATUSES: readonly SessionStatus[] = ['completed', 'abandoned'];

/** The format level of the session kind and of every session operation. */
export const SESSION_LEVEL = 3;

export interface SessionOwner {
  name: string;
  email: string;
  host: string;
  pid: number;
  /** `<boot id>:<start ticks>` of the process (storage/lockHolder.ts), so a reused pid is told apart. */
  start: string | null;
}

export interface CheckpointTask {
  task: string;
  phase?: string;
}

/** One checkpoint, as folded into the session's state. */
export interface CheckpointRecord {
  /** Hash of the session.checkpoint operation. */
  id: string;
  at: string;
  message: string | null;
  branch: string | null;
  head: string | null;
  worktree: string | null;
  tasks: CheckpointTask[];
  next: string[];
  /** The saved uncommitted changes (a `git stash create` commit), null when there were none. */
  stash: string | null;
}

export interface SessionState {
  id: string;
  milestone: string;
  status: SessionStatus;
  owner: SessionOwner;
  startedAt: string;
  endedAt: string | null;
  heartbeatAt: string | null;
  lastCheckpoint: CheckpointRecord | null;
  checkpoints: number;
  /** Highest Lamport time folded in. */
  clock: number;
}
