/**
 * Size limits, in one place: what one title, description or operation may hold. A 100 MB title
 * once went through, was written, and then made every later `list` run out of memory; the limits
 * are checked before anything is written (EntityStore, the bulk import) and when another clone's
 * operations arrive (pull, restore: an entity over a limit is reported and not merged), and a
 * snapshot over its limit is reported as unreadable instead of read. The README lists them.
 */
import { MilestoneError } from '../errors/MilestoneError';
import type { Operation } from './types';

/** Characters of a title (milestone or task). */
export const MAX_TITLE_CHARS = 1_000;
/** Characters of a description (milestone or task). */
export const MAX_DESCRIPTION_CHARS = 100_000;
/** Bytes of one operation as canonical JSON (an import's legacy `extra` included). */
export const MAX_OPERATION_BYTES = 1024 * 1024;
/** Bytes of an entity's snapshot.json (the folded state of all its operations). */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

const HINT = 'Keep titles short and put long text in files of the repository; the README lists the limits.';

function tooLarge(message: string, data: Record<string, unknown>): MilestoneError {
  return new MilestoneError('TOO_LARGE', message, { hint: HINT, data });
}

/** The first title/description over its limit in an operation's payload (top level or `fields`), else null. */
function oversizedText(op: Record<string, unknown>): { key: string; length: number; max: number } | null {
  const fields = op.fields !== null && typeof op.fields === 'object' ? (op.fields as Record<string, unknown>) : undefined;
  return overLimit('title', op.title, MAX_TITLE_CHARS) ?? overLimit('description', op.description, MAX_DESCRIPTION_CHARS)
    ?? (fields ? overLimit('title', fields.title, MAX_TITLE_CHARS) ?? overLimit('description', fields.description, MAX_DESCRIPTION_CHARS) : null);
}

function overLimit(key: string, v: unknown, max: number): { key: string; length: number; max: number } | null {
  return typeof v === 'string' && v.length > max ? { key, length: v.length, max } : null;
}

/**
 * Throws TOO_LARGE when the operation is over a limit. `bytes`: its canonical JSON size when the
 * caller has it; otherwise measured here.
 */
export function checkOperationLimits(op: Operation, bytes?: number): void {
  const text = oversizedText(op as unknown as Record<string, unknown>);
  if (text) {
    throw tooLarge(`the ${text.key} is ${text.length.toLocaleString('en')} characters; at most ${text.max.toLocaleString('en')} are allowed`, { ...text, type: op.type });
  }
  const size = bytes ?? Buffer.byteLength(JSON.stringify(op), 'utf8');
  if (size > MAX_OPERATION_BYTES) {
    throw tooLarge(`operation ${op.type} is ${size.toLocaleString('en')} bytes; at most ${MAX_OPERATION_BYTES.toLocaleString('en')} are allowed`, { bytes: size, max: MAX_OPERATION_BYTES, type: op.type });
  }
}

/** Throws TOO_LARGE for a snapshot over its limit (read from `ref`). */
export function checkSnapshotLimit(ref: string, bytes: number): void {
  if (bytes > MAX_SNAPSHOT_BYTES) {
    throw tooLarge(`${ref}: snapshot.json is ${bytes.toLocaleString('en')} bytes; at most ${MAX_SNAPSHOT_BYTES.toLocaleString('en')} are read`, { ref, bytes, max: MAX_SNAPSHOT_BYTES });
  }
}
