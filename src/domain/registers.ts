/**
 * Causal registers: the scalar fields (a milestone's title or status, an `extra` key, a task's
 * assignee or status) can tell an overwrite from a concurrent write without walking the commit graph.
 *
 * At write time, prepare.ts stamps each register write with `prev`: the hashes of the field's heads
 * (its latest writes) as the writer saw them. Folding in (Lamport, hash) order, a write removes
 * the heads it has seen and becomes a head itself. Heads it has not seen were written concurrently
 * (in another clone) and stay. Whatever a write has seen has a lower Lamport time, so it was folded
 * first. The outcome therefore depends only on the set of operations, not on the order they
 * arrived in.
 *
 *  - policy `merge`: concurrent heads that hold other values stay, as a conflict; the head latest in
 *    fold order is the visible value. An ordinary edit has seen them all, so it resolves the conflict.
 *  - policy `last_writer_wins`: only the head with the latest wall-clock time (then hash) stays.
 *  - Concurrent heads with equal values count as one (the later one is kept).
 *  - An operation without `prev` (written before registers existed) has seen every earlier write.
 */
import { canonicalJson } from './canonical';
import type { ConflictPolicy, HeadMap, MilestoneState, Operation, RegisterHead, RegisterHeads } from './types';
import { compareStrings, getEntry, isPlainObject, isStringArray, timeValue, withEntry } from './values';

export type RegisterScope = { kind: 'milestone' } | { kind: 'extra' } | { kind: 'task'; task: string };

export const MILESTONE_SCOPE: RegisterScope = { kind: 'milestone' };
export const EXTRA_SCOPE: RegisterScope = { kind: 'extra' };

function mapOf(heads: RegisterHeads | undefined, scope: RegisterScope): HeadMap | undefined {
  if (scope.kind === 'task') return getEntry(heads?.tasks, scope.task);
  return scope.kind === 'milestone' ? heads?.milestone : heads?.extra;
}

/** The heads of one field: none until a write after creation. */
export function headsOf(state: MilestoneState, scope: RegisterScope, field: string): RegisterHead[] {
  return getEntry(mapOf(state.heads, scope), field) ?? [];
}

/** `heads` with one field's heads replaced. */
export function withHeads(heads: RegisterHeads | undefined, scope: RegisterScope, field: string, next: RegisterHead[]): RegisterHeads {
  const map = withEntry(mapOf(heads, scope), field, next);
  if (scope.kind === 'task') return { ...heads, tasks: withEntry(heads?.tasks, scope.task, map) };
  return scope.kind === 'milestone' ? { ...heads, milestone: map } : { ...heads, extra: map };
}

/** What the writer of `op` saw of a field; undefined for an operation without `prev` (saw all). */
export function prevOf(op: Operation, field: string): string[] | undefined {
  if (!isPlainObject(op.prev)) return undefined;
  const seen = getEntry(op.prev, field);
  return isStringArray(seen) ? seen : [];
}

/** The `prev` member a writer stamps for `fields` of a scope: only fields that have heads. */
export function registerPrev(state: MilestoneState, scope: RegisterScope, fields: readonly string[]): Record<string, string[]> {
  const seen = fields.map((f): [string, string[]] => [f, headsOf(state, scope, f).map((h) => h.op)]);
  return Object.fromEntries(seen.filter(([, ops]) => ops.length > 0));
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Later wall-clock time wins; then the higher hash (the same choice in every clone). */
function newer(a: RegisterHead, b: RegisterHead): boolean {
  const d = (timeValue(a.at) ?? 0) - (timeValue(b.at) ?? 0);
  return d !== 0 ? d > 0 : compareStrings(a.op, b.op) > 0;
}

export interface RegisterWrite {
  /** The field's visible value afterwards. */
  value: unknown;
  heads: RegisterHead[];
  /** Whether the written value is the visible one (false only when last_writer_wins kept another). */
  won: boolean;
}

export interface WriteRegisterOptions {
  field: string;
  heads: RegisterHead[];
  /** The field's visible value before the write (the value of the last head). */
  current: unknown;
  value: unknown;
  op: Operation;
  hash: string;
  policy?: ConflictPolicy;
}

export function writeRegister(o: WriteRegisterOptions): RegisterWrite {
  const mine: RegisterHead = { op: o.hash, at: o.op.time, by: { name: o.op.author.name, email: o.op.author.email } };
  const seen = prevOf(o.op, o.field);
  const last = o.heads[o.heads.length - 1];
  const others = (seen === undefined ? [] : o.heads.filter((h) => !seen.includes(h.op)))
    .map((h) => (h === last ? { ...h, value: o.current } : h))
    .filter((h) => !same(h.value, o.value));
  if (others.length === 0) return { value: o.value, heads: [mine], won: true };
  if (o.policy === 'last_writer_wins') {
    const winner = [...others, { ...mine, value: o.value }].reduce((a, b) => (newer(b, a) ? b : a));
    const { value, ...head } = winner;
    return { value, heads: [head], won: winner.op === o.hash };
  }
  return { value: o.value, heads: [...others, mine], won: true };
}

/**
 * Writes several fields of one scope: the visible values (field → value), the new heads and which
 * fields the written value won (all of them unless last_writer_wins kept a newer concurrent one).
 */
export function writeFields(
  state: MilestoneState,
  scope: RegisterScope,
  fields: Record<string, unknown>,
  current: (field: string) => unknown,
  o: { op: Operation; hash: string; policy?: ConflictPolicy },
): { values: Map<string, unknown>; heads: RegisterHeads; won: Set<string> } {
  let heads = state.heads;
  const values = new Map<string, unknown>();
  const won = new Set<string>();
  for (const [field, value] of Object.entries(fields)) {
    const w = writeRegister({ ...o, field, heads: headsOf(state, scope, field), current: current(field), value });
    heads = withHeads(heads, scope, field, w.heads);
    values.set(field, w.value);
    if (w.won) won.add(field);
  }
  return { values, heads: heads ?? {}, won };
}
