/**
 * The operations of the session kind, and its fold. Like the milestone registry
 * (domain/ops/registry.ts): an unknown type is FORMAT_TOO_NEW, a malformed one INVALID_OPERATION
 * (CORRUPT_ENTITY when read). The fold applies operations in (Lamport time, hash) order, so every
 * clone computes the same session from the same operations.
 */
import { isMilestoneError, MilestoneError } from '../../errors/MilestoneError';
import { FORMAT_LEVELS, PACKAGE_VERSION } from '../formatLevels';
import { createRegistry, type OpRegistry } from '../ops/registry';
import { sortOps } from '../fold';
import type { StoredOperation } from '../types';
import { sessionCheckpoint } from './sessionCheckpoint';
import { SESSION_CREATE, sessionCreate } from './sessionCreate';
import { sessionHeartbeat } from './sessionHeartbeat';
import { sessionStatus } from './sessionStatus';
import type { SessionState } from './types';

export const SESSION_OPS: OpRegistry<SessionState> = createRegistry<SessionState>(
  [sessionCreate, sessionStatus, sessionHeartbeat, sessionCheckpoint], FORMAT_LEVELS, PACKAGE_VERSION,
);

export { SESSION_CREATE };

function checked(stored: StoredOperation, registry: OpRegistry<SessionState>): void {
  const handler = registry.get(stored.op?.type);
  try {
    handler.check(stored.op);
  } catch (e) {
    if (!isMilestoneError(e)) throw e;
    throw new MilestoneError('CORRUPT_ENTITY', `operation ${stored.hash.slice(0, 12)}: ${e.message}`, {
      hint: '`git milestone doctor` inspects the history of every session.',
      data: { hash: stored.hash, type: stored.op?.type },
      cause: e,
    });
  }
}

/** Applies operations (any order; deduplicated) onto a session state or from scratch. */
export function applySessionOps(
  state: SessionState | null, ops: readonly StoredOperation[], registry: OpRegistry<SessionState> = SESSION_OPS,
): SessionState {
  let current = state;
  const sorted = sortOps(ops).filter((s, i, all) => i === 0 || s.hash !== all[i - 1].hash);
  for (const stored of sorted) {
    checked(stored, registry);
    if (current === null && stored.op.type !== SESSION_CREATE) continue;
    current = registry.get(stored.op.type).apply(current, stored.op, stored.hash);
  }
  if (current === null) {
    throw new MilestoneError('CORRUPT_ENTITY', 'no session.create operation: not a session', { hint: '`git milestone doctor` lists bad refs.' });
  }
  return current;
}
