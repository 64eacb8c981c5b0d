/**
 * Test helpers for the domain: build stamped operations and grow a milestone log the way a use
 * case does (validate against the current state, hash, apply), with deterministic times.
 */
import { applyOps } from '../../../src/domain/fold';
import { hashOperation } from '../../../src/domain/hash';
import { getHandler } from '../../../src/domain/ops/registry';
import type { Author, MilestoneState, Operation, StoredOperation } from '../../../src/domain/types';

export const ALICE: Author = { name: 'Alice', email: 'alice@example.com' };
export const BOB: Author = { name: 'Bob', email: 'bob@example.com' };

/** 2024-01-01T00:00:00.000Z plus `minutes`. */
export function timeAt(minutes: number): string {
  return new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();
}

export function makeOp(type: string, payload: Record<string, unknown>, lamport: number, author: Author = ALICE, time = timeAt(lamport)): Operation {
  return { ...payload, type, author, time, lamport };
}

export function stored(op: Operation): StoredOperation {
  return { hash: hashOperation(op), op };
}

/** A milestone log written one validated operation at a time. */
export class Log {
  ops: StoredOperation[] = [];
  state: MilestoneState | null = null;
  private nonces = 0;

  get s(): MilestoneState {
    if (!this.state) throw new Error('no state');
    return this.state;
  }

  /** Validates, stamps (Lamport = clock + 1) and applies; returns the op hash. */
  write(type: string, payload: Record<string, unknown>, author: Author = ALICE): string {
    const lamport = (this.state?.clock ?? 0) + 1;
    const op = makeOp(type, payload, lamport, author);
    getHandler(type).validate(this.state, op);
    const s = stored(op);
    this.state = applyOps(this.state, [s]);
    this.ops.push(s);
    return s.hash;
  }

  /** Builds the op the next write would make, without validating or applying it. */
  next(type: string, payload: Record<string, unknown>): Operation {
    return makeOp(type, payload, (this.state?.clock ?? 0) + 1);
  }

  create(title = 'Milestone', extra: Record<string, unknown> = {}): string {
    return this.write('milestone.create', { title, nonce: `n${this.nonces++}`, ...extra });
  }

  task(title: string, extra: Record<string, unknown> = {}): string {
    return this.write('task.add', { title, nonce: `t${this.nonces++}`, ...extra });
  }
}

/** Mulberry32: a small seeded PRNG, so shuffles are random-looking but repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Runs `fn` and returns the MilestoneError it throws (fails the test when it does not throw). */
export function caught(fn: () => unknown): { code: string; message: string; hint?: string; data?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; hint?: string; data?: Record<string, unknown> };
  }
  throw new Error('expected an error, none was thrown');
}
