/**
 * In-memory RefStore for unit tests, with the git adapter's semantics: ref names are checked,
 * cas throws STALE_REF when the ref moved and LOCKED while a test holds the ref's lock
 * (`holdLock`) past `lockTimeoutMs`; the fingerprint is a counter bumped by every update, never racy.
 */
import { assertOid } from '../format/hashObject';
import { lockedError, staleRefError } from '../format/refErrors';
import { assertRefName, assertRefPrefix } from '../format/refNames';
import type { Oid, RefStore } from '../ports';

export interface MemoryRefStoreOptions {
  /** How long cas waits for a held lock before LOCKED (default 0: fail at once). */
  lockTimeoutMs?: number;
}

const POLL_MS = 5;

export class MemoryRefStore implements RefStore {
  private readonly refs = new Map<string, Oid>();
  private readonly locks = new Set<string>();
  private version = 0;

  constructor(private readonly o: MemoryRefStoreOptions = {}) {}

  async read(ref: string): Promise<Oid | null> {
    return this.refs.get(assertRefName(ref)) ?? null;
  }

  async list(prefix: string): Promise<Map<string, Oid>> {
    assertRefPrefix(prefix);
    const names = [...this.refs.keys()].filter((r) => r.startsWith(prefix)).sort();
    return new Map(names.map((r) => [r, this.refs.get(r) as Oid]));
  }

  /** Bulk create (as GitRefStore's packed-refs write): sets refs that do not exist, returns the others. */
  async createMany(refs: Map<string, Oid>): Promise<string[]> {
    const skipped: string[] = [];
    for (const [ref, oid] of refs) {
      assertRefName(ref);
      assertOid(oid);
      if (this.refs.has(ref) || this.locks.has(ref)) skipped.push(ref);
      else this.refs.set(ref, oid);
    }
    this.version++;
    return skipped;
  }

  async cas(ref: string, expected: Oid | null, next: Oid): Promise<void> {
    assertRefName(ref);
    if (expected !== null) assertOid(expected);
    assertOid(next);
    const timeoutMs = this.o.lockTimeoutMs ?? 0;
    const start = Date.now();
    while (this.locks.has(ref)) {
      if (Date.now() - start >= timeoutMs) throw lockedError({ ref, lockPath: `${ref}.lock`, timeoutMs });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const actual = this.refs.get(ref) ?? null;
    if (actual !== expected) throw staleRefError(ref, expected, actual);
    this.refs.set(ref, next);
    this.version++;
  }

  async fingerprint(prefix: string): Promise<{ token: string; racy: boolean }> {
    assertRefPrefix(prefix);
    return { token: String(this.version), racy: false };
  }

  /** Test hook: hold `<ref>.lock` as another writer would; returns the release function. */
  holdLock(ref: string): () => void {
    this.locks.add(assertRefName(ref));
    return () => this.locks.delete(ref);
  }

  /** The ref's oid right now, synchronously (for the porcelain double). */
  peek(ref: string): Oid | null {
    return this.refs.get(ref) ?? null;
  }

  /** Test hook: set or delete a ref without CAS, as a foreign writer (e.g. `git fetch`) would. */
  force(ref: string, oid: Oid | null): void {
    if (oid === null) this.refs.delete(assertRefName(ref));
    else this.refs.set(assertRefName(ref), assertOid(oid));
    this.version++;
  }
}
