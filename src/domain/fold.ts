/**
 * From operations to state. The state of a milestone is the fold of all its operations sorted by
 * (Lamport time, hash): every clone that holds the same set of operations computes the same state,
 * whatever order they arrived in. Duplicates (same hash) count once.
 *
 * Every operation is checked for well-formedness before it is applied: a malformed one makes the
 * entity CORRUPT_ENTITY, an unknown type FORMAT_TOO_NEW (written by a newer release).
 */
import { isMilestoneError, MilestoneError } from '../errors/MilestoneError';
import { CREATE_TYPE, OPS, type OpRegistry } from './ops/registry';
import type { FoldOptions, MilestoneState, StoredOperation } from './types';
import { compareStrings } from './values';

/** Fold order: Lamport time, then hash. Returns a new array. */
export function sortOps(ops: readonly StoredOperation[]): StoredOperation[] {
  return [...ops].sort((a, b) => a.op.lamport - b.op.lamport || compareStrings(a.hash, b.hash));
}

function dedupe(sorted: StoredOperation[]): StoredOperation[] {
  return sorted.filter((s, i) => i === 0 || s.hash !== sorted[i - 1].hash);
}

function checked(stored: StoredOperation, registry: OpRegistry): void {
  const type = stored.op?.type;
  const handler = registry.get(type); // FORMAT_TOO_NEW for a type a newer release wrote
  try {
    handler.check(stored.op);
  } catch (e) {
    if (!isMilestoneError(e)) throw e;
    throw new MilestoneError('CORRUPT_ENTITY', `operation ${stored.hash.slice(0, 12)}: ${e.message}`, {
      hint: '`git milestone doctor` inspects the history of a milestone.',
      data: { hash: stored.hash, type },
      cause: e,
    });
  }
}

/**
 * Applies operations onto a snapshot (or onto nothing). The operations are put in fold order
 * first; on a snapshot they must all be newer than it (Lamport time above `state.clock`), otherwise
 * the result would differ from a full fold and the caller must refold: that is an INTERNAL error.
 * Operations that meet no state (before any milestone.create) are skipped; if none creates a state,
 * CORRUPT_ENTITY. `options.policy` chooses how concurrent register writes resolve (registers.ts).
 */
export function applyOps(
  state: MilestoneState | null, ops: readonly StoredOperation[], options: FoldOptions = {}, registry: OpRegistry = OPS,
): MilestoneState {
  let current = state;
  for (const stored of dedupe(sortOps(ops))) {
    checked(stored, registry);
    const { op, hash } = stored;
    if (state !== null && op.lamport <= state.clock) {
      throw new MilestoneError('INTERNAL', `operation ${hash.slice(0, 12)} (Lamport ${op.lamport}) is not newer than the snapshot (${state.clock}); refold from all operations`, {
        data: { hash, lamport: op.lamport, clock: state.clock },
      });
    }
    if (current === null && op.type !== CREATE_TYPE) continue;
    current = registry.get(op.type).apply(current, op, hash, options);
  }
  if (current === null) {
    throw new MilestoneError('CORRUPT_ENTITY', 'no milestone.create operation: nothing to fold', {
      hint: '`git milestone doctor` inspects the history of a milestone.',
    });
  }
  return current;
}

/**
 * The state of a milestone from all its operations, in any order. The first operation in fold order
 * must be milestone.create (its hash is the milestone id): otherwise CORRUPT_ENTITY.
 */
export function fold(ops: readonly StoredOperation[], options: FoldOptions = {}, registry: OpRegistry = OPS): MilestoneState {
  const sorted = dedupe(sortOps(ops));
  if (sorted.length === 0) {
    throw new MilestoneError('CORRUPT_ENTITY', 'a milestone needs at least one operation', {
      hint: '`git milestone doctor` inspects the history of a milestone.',
    });
  }
  const root = sorted[0];
  if (root.op?.type !== CREATE_TYPE) {
    throw new MilestoneError('CORRUPT_ENTITY', `the first operation (${root.hash.slice(0, 12)}) is ${JSON.stringify(root.op?.type)}, not ${CREATE_TYPE}`, {
      hint: '`git milestone doctor` inspects the history of a milestone.',
      data: { hash: root.hash, type: root.op?.type },
    });
  }
  return applyOps(null, sorted, options, registry);
}
