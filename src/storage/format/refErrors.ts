/**
 * The two ways a ref update loses, shared by the git adapter and the in-memory double so both
 * report them with the same code, message shape and data: STALE_REF (the ref moved since it was
 * read) and LOCKED (another writer held `<ref>.lock` for longer than the wait allows).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { Oid } from '../ports';

export function staleRefError(ref: string, expected: Oid | null, actual: Oid | null): MilestoneError {
  return new MilestoneError('STALE_REF', `${ref} moved: expected ${expected ?? 'no ref'}, found ${actual ?? 'no ref'}`, {
    hint: 'Another writer updated it first; re-read and retry.',
    data: { ref, expected, actual },
  });
}

export function lockedError(o: { ref: string; lockPath: string; timeoutMs: number; holder?: string | null }): MilestoneError {
  const by = o.holder ? ` by ${o.holder}` : '';
  return new MilestoneError('LOCKED', `${o.ref} is locked${by}: ${o.lockPath} exists (waited ${o.timeoutMs} ms)`, {
    hint:
      'Another git-milestone or git process is writing this ref; try again. `git milestone doctor` names the holder; ' +
      `if its process is gone, \`git milestone doctor --fix\` removes the lock (or remove ${o.lockPath}).`,
    data: { ref: o.ref, lock: o.lockPath, ...(o.holder ? { holder: o.holder } : {}) },
  });
}
