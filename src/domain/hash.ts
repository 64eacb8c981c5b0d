/**
 * Content hash of an operation: sha256 (lowercase hex) of its canonical JSON. Deterministic and
 * pure (no fs, clock or randomness), so it lives in the domain; the hash of a `milestone.create`
 * operation is the milestone's id, the hash of a `task.add` the task's id.
 *
 * Two operations that differ only in the order of their object keys hash the same; any change to a
 * value (even whitespace inside a title) gives a different hash.
 */
import { crypto } from '../env/builtins';
import { canonicalJson } from './canonical';
import type { Operation, StoredOperation } from './types';

/** sha256 hex of the canonical JSON of `op`. */
export function hashOperation(op: Operation): string {
  return crypto().createHash('sha256').update(canonicalJson(op), 'utf8').digest('hex');
}

/** Pairs an operation with its hash, ready to be folded or stored. */
export function storeOperation(op: Operation): StoredOperation {
  return { hash: hashOperation(op), op };
}

/** True when `hash` is the hash of `op` (a stored pack was not altered). */
export function verifyOperation(stored: StoredOperation): boolean {
  return hashOperation(stored.op) === stored.hash;
}
