/**
 * Shape checks shared by the operation handlers. `check` uses them to refuse malformed operations
 * (INVALID_OPERATION: wrong envelope, missing or mistyped payload members); `validate` adds the
 * strict key check and the value rules, refusing bad values with INVALID_INPUT.
 *
 * Reading is lenient about unknown payload members (a newer client may add some; the hash still
 * covers them), writing is strict (`rejectUnknownKeys`), so a typo in a use case never hides.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { Operation } from '../types';
import { isIsoDateTime, isPlainObject, isStringArray } from '../values';

const ENVELOPE_KEYS = ['type', 'author', 'time', 'lamport'];

function typeName(op: unknown): string {
  return isPlainObject(op) && typeof op.type === 'string' ? op.type : 'unknown';
}

/** Throws INVALID_OPERATION: the operation is not well formed. */
export function malformed(op: unknown, message: string): never {
  throw new MilestoneError('INVALID_OPERATION', `malformed ${typeName(op)} operation: ${message}`, {
    data: { type: typeName(op) },
  });
}

/** Throws INVALID_OPERATION: well formed, but not allowed on this state. */
export function refused(message: string, hint?: string, data?: Record<string, unknown>): never {
  throw new MilestoneError('INVALID_OPERATION', message, { hint, data });
}

/** Throws INVALID_INPUT: a value the operation carries is not allowed. */
export function badInput(message: string, hint?: string, data?: Record<string, unknown>): never {
  throw new MilestoneError('INVALID_INPUT', message, { hint, data });
}

/** The envelope every operation has: type, author {name, email}, ISO time, Lamport time. */
export function checkEnvelope(op: Operation, type: string): void {
  if (!isPlainObject(op)) malformed(op, 'not an object');
  if (op.type !== type) malformed(op, `handled as ${type}`);
  const author: unknown = op.author;
  if (!isPlainObject(author) || typeof author.name !== 'string' || typeof author.email !== 'string') {
    malformed(op, 'author must be {name, email} strings');
  }
  if (!isIsoDateTime(op.time)) malformed(op, `time must be an ISO 8601 date-time, got ${JSON.stringify(op.time)}`);
  if (!Number.isSafeInteger(op.lamport) || op.lamport < 0) malformed(op, 'lamport must be a non-negative integer');
}

export function requireString(op: Operation, key: string): string {
  const v = op[key];
  if (typeof v !== 'string') malformed(op, `${key} must be a string`);
  return v;
}

export function stringList(op: Operation, key: string, required: boolean): string[] {
  const v = op[key];
  if (v === undefined && !required) return [];
  if (!isStringArray(v)) malformed(op, `${key} must be an array of strings`);
  return v;
}

export function objectMember(op: Operation, key: string, required: boolean): Record<string, unknown> {
  const v = op[key];
  if (v === undefined && !required) return {};
  if (!isPlainObject(v)) malformed(op, `${key} must be an object`);
  return v;
}

export function requireNonce(op: Operation): void {
  if (typeof op.nonce !== 'string' || op.nonce === '') malformed(op, 'nonce must be a non-empty string');
}

/** Write-time strictness: refuses payload members the handler does not know. */
export function rejectUnknownKeys(op: Operation, payloadKeys: readonly string[]): void {
  const unknown = Object.keys(op).filter((k) => !ENVELOPE_KEYS.includes(k) && !payloadKeys.includes(k));
  if (unknown.length > 0) {
    malformed(op, `unknown member${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${payloadKeys.join(', ') || 'none'})`);
  }
}

/** check: an add/remove operation must change something. */
export function requireSomeChange(op: Operation, add: string[], remove: string[]): void {
  if (add.length === 0 && remove.length === 0) malformed(op, 'nothing to add or remove');
}

/** validate: one value may not be both added and removed by the same operation. */
export function refuseOverlap(add: string[], remove: string[], what: string): void {
  const both = add.filter((v) => remove.includes(v));
  if (both.length > 0) badInput(`${what} ${JSON.stringify(both[0])} is both added and removed`);
}

/**
 * check: the optional `prev` member (what the writer saw; registers.ts, addWinsSet.ts) maps names to
 * arrays of operation hashes.
 */
export function checkPrev(op: Operation): void {
  if (op.prev === undefined) return;
  if (!isPlainObject(op.prev) || !Object.values(op.prev).every(isStringArray)) {
    malformed(op, 'prev must map names to arrays of operation hashes');
  }
}
