/**
 * Operation packs: the JSON blob each commit adds. Encoding is canonical, so the same operations
 * always give the same blob and the same hashes in every clone.
 */
import { canonicalJson } from '../../domain/canonical';
import { hashOperation } from '../../domain/hash';
import { checkOperationLimits, MAX_OPERATION_BYTES } from '../../domain/limits';
import type { Operation, StoredOperation } from '../../domain/types';
import { MilestoneError } from '../../errors/MilestoneError';
import { FORMAT_VERSION, corrupt } from './layout';

export function encodePack(ops: Operation[]): string {
  return canonicalJson({ version: FORMAT_VERSION, ops });
}

/**
 * Parses and checks a pack; `check` is the entity definition's well-formedness test. A type the
 * definition does not know (FORMAT_TOO_NEW) is passed on for the caller to name the release.
 */
export function decodePack(ref: string, data: Buffer, check: (op: Operation) => void): StoredOperation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    throw corrupt(ref, 'operation pack is not valid JSON');
  }
  const pack = parsed as { version?: unknown; ops?: unknown };
  if (!pack || typeof pack !== 'object' || pack.version !== FORMAT_VERSION || !Array.isArray(pack.ops)) {
    throw corrupt(ref, `operation pack is malformed (expected {"version":${FORMAT_VERSION},"ops":[...]})`);
  }
  return pack.ops.map((raw, i) => {
    const op = raw as Operation;
    if (!op || typeof op !== 'object' || typeof op.type !== 'string' || typeof op.time !== 'string'
      || !Number.isInteger(op.lamport) || op.lamport < 1 || !op.author || typeof op.author.name !== 'string'
      || typeof op.author.email !== 'string') {
      throw corrupt(ref, `operation ${i} lacks type, author, time or Lamport time`);
    }
    try {
      check(op);
    } catch (e) {
      if (e instanceof MilestoneError && e.code === 'FORMAT_TOO_NEW') throw e;
      throw corrupt(ref, `operation ${i} (${op.type}) is malformed: ${(e as Error).message}`);
    }
    limits(ref, i, op, data.length > MAX_OPERATION_BYTES);
    return { hash: hashOperation(op), op };
  });
}

/** Another clone's operation over a size limit: TOO_LARGE naming the ref (only a pack over the op limit is measured per op). */
function limits(ref: string, i: number, op: Operation, measure: boolean): void {
  try {
    checkOperationLimits(op, measure ? undefined : 0);
  } catch (e) {
    const err = e as MilestoneError;
    throw new MilestoneError(err.code, `${ref}: operation ${i}: ${err.message}`, { hint: 'This entity is not read or merged; the others are.', data: { ref, ...(err.data as object) } });
  }
}

/** Fold order: Lamport time, then operation hash. Every clone sorts the same set the same way. */
export function sortOps(ops: StoredOperation[]): StoredOperation[] {
  return [...ops].sort((a, b) => a.op.lamport - b.op.lamport || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}
