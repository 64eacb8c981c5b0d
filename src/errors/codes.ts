/**
 * Error codes and the exit status each maps to. The README lists the exit statuses; scripts and
 * agents can rely on them. 0 is success and 1 is reserved for "ran, answer is negative"
 * (for example `config validate` finding errors, `doctor` finding problems).
 */
export const EXIT = {
  OK: 0,
  NEGATIVE: 1,
  USAGE: 2,
  NOT_FOUND: 3,
  AMBIGUOUS: 4,
  INVALID: 5,
  CONFLICT: 6,
  NOT_A_REPO: 7,
  CORRUPT: 8,
  CONFIG: 9,
  LOCKED: 10,
  GIT: 11,
  BACKEND: 12,
  /** Data written by a newer release (a newer operation type, entity kind or format level). */
  TOO_NEW: 13,
  /** A task claimed by another holder, or a lease lost (a stale fencing number). */
  CLAIM: 14,
  INTERNAL: 70,
} as const;

export type ErrorCode =
  | 'USAGE'
  | 'NOT_FOUND'
  | 'AMBIGUOUS_ID'
  | 'INVALID_INPUT'
  | 'INVALID_OPERATION'
  | 'TOO_LARGE'
  | 'DEPENDENCY_CYCLE'
  | 'CONFLICT'
  | 'STALE_REF'
  | 'LOCKED'
  | 'NOT_A_REPOSITORY'
  | 'NEEDS_WORK_TREE'
  | 'NOT_INITIALIZED'
  | 'CORRUPT_ENTITY'
  | 'UNSUPPORTED_FORMAT'
  | 'FORMAT_TOO_NEW'
  | 'CONFIG_INVALID'
  | 'GIT_FAILED'
  | 'BACKEND_UNAVAILABLE'
  | 'NOT_READY'
  | 'CLAIMED'
  | 'NOT_HOLDER'
  | 'LEASE_LOST'
  | 'STALE_FENCING'
  | 'UNTRUSTED_COMMAND'
  | 'WORKTREE_TAKEN'
  | 'INTERNAL';

const TABLE: Record<ErrorCode, number> = {
  USAGE: EXIT.USAGE,
  NOT_FOUND: EXIT.NOT_FOUND,
  AMBIGUOUS_ID: EXIT.AMBIGUOUS,
  INVALID_INPUT: EXIT.INVALID,
  INVALID_OPERATION: EXIT.INVALID,
  TOO_LARGE: EXIT.INVALID,
  DEPENDENCY_CYCLE: EXIT.CONFLICT,
  CONFLICT: EXIT.CONFLICT,
  STALE_REF: EXIT.CONFLICT,
  LOCKED: EXIT.LOCKED,
  NOT_A_REPOSITORY: EXIT.NOT_A_REPO,
  NEEDS_WORK_TREE: EXIT.NOT_A_REPO,
  NOT_INITIALIZED: EXIT.NOT_A_REPO,
  CORRUPT_ENTITY: EXIT.CORRUPT,
  UNSUPPORTED_FORMAT: EXIT.CORRUPT,
  FORMAT_TOO_NEW: EXIT.TOO_NEW,
  CONFIG_INVALID: EXIT.CONFIG,
  GIT_FAILED: EXIT.GIT,
  BACKEND_UNAVAILABLE: EXIT.BACKEND,
  NOT_READY: EXIT.INVALID,
  CLAIMED: EXIT.CLAIM,
  NOT_HOLDER: EXIT.CLAIM,
  LEASE_LOST: EXIT.CLAIM,
  STALE_FENCING: EXIT.CLAIM,
  /** A command from the committed settings file that this clone has not trusted (`execute`). */
  UNTRUSTED_COMMAND: EXIT.CONFIG,
  /** `execute`: a task's worktree path holds something else. */
  WORKTREE_TAKEN: EXIT.CONFLICT,
  INTERNAL: EXIT.INTERNAL,
};

export function exitCodeFor(code: ErrorCode): number {
  return TABLE[code];
}
