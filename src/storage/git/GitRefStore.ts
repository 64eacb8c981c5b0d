/**
 * RefStore on a real repository's files backend: loose refs under `<commonDir>/refs/...` win over
 * `packed-refs`; updates follow git's lock protocol (exclusive `<ref>.lock`, check, write, rename),
 * so they interoperate with `git update-ref` and other git-milestone processes.
 */
import * as nodeFs from 'node:fs';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Oid, RefStore } from '../ports';
import { createPackedRefs } from './createPackedRefs';
import { assertOid, isOid } from '../format/hashObject';
import { PackedRefs } from './packedRefs';
import { readLoose, readLooseRaw, walkLooseRefs } from './looseRefs';
import { packLooseRefs } from './packLooseRefs';
import { refFingerprint } from './refFingerprint';
import { staleRefError } from '../format/refErrors';
import { acquireLock, writeLockContent } from './refLock';
import { assertRefName, assertRefPrefix, isValidRefName, prefixDir, refPath, type RefDirs } from '../format/refNames';
import type { FsLike, RepoInfo } from './types';

export interface GitRefStoreOptions {
  repo: Pick<RepoInfo, 'gitDir' | 'commonDir' | 'objectFormat'>;
  fs?: FsLike;
  /** How long cas waits for another writer's `<ref>.lock` (default 5000 ms). */
  lockTimeoutMs?: number;
}

const MAX_SYMREF_DEPTH = 5;
/** More loose refs than this under one prefix are packed (see packLooseRefs). */
const LOOSE_REFS_THRESHOLD = 256;

export class GitRefStore implements RefStore {
  private readonly fs: FsLike;
  private readonly dirs: RefDirs;
  private readonly packed: PackedRefs;

  constructor(private readonly o: GitRefStoreOptions) {
    this.fs = o.fs ?? nodeFs;
    this.dirs = { gitDir: o.repo.gitDir, commonDir: o.repo.commonDir };
    this.packed = new PackedRefs({ commonDir: o.repo.commonDir, fs: this.fs });
  }

  async read(ref: string): Promise<Oid | null> {
    return this.resolve(assertRefName(ref), 0);
  }

  async list(prefix: string): Promise<Map<string, Oid>> {
    const { dir, ref } = prefixDir(this.dirs, assertRefPrefix(prefix));
    const found = new Map<string, Oid>();
    walkLooseRefs({ fs: this.fs, format: this.o.repo.objectFormat, prefix, found }, dir, ref);
    for (const [name, oid] of this.packed.read()) {
      if (name.startsWith(prefix) && !found.has(name)) found.set(name, oid);
    }
    return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  async cas(ref: string, expected: Oid | null, next: Oid): Promise<void> {
    assertRefName(ref);
    if (expected !== null) assertOid(expected, this.o.repo.objectFormat);
    assertOid(next, this.o.repo.objectFormat);
    const file = refPath(this.dirs, ref);
    const lockPath = `${file}.lock`;
    const fd = await acquireLock({ fs: this.fs, lockPath, ref, timeoutMs: this.o.lockTimeoutMs ?? 5000 });
    let open = true;
    try {
      const actual = this.readLoose(file) ?? this.packed.lookup(ref);
      if (actual !== expected) throw staleRefError(ref, expected, actual);
      writeLockContent(this.fs, fd, `${next}\n`);
      this.fs.closeSync(fd);
      open = false;
      this.fs.renameSync(lockPath, file);
    } catch (e) {
      if (open) this.fs.closeSync(fd);
      this.unlinkQuietly(lockPath);
      if (e instanceof MilestoneError) throw e;
      throw new MilestoneError('GIT_FAILED', `cannot update ${ref}: ${(e as Error).message}`, {
        hint: 'Check that the repository is writable; `git fsck` and `git for-each-ref` show its state.',
        cause: e,
      });
    }
  }

  async createMany(refs: Map<string, Oid>): Promise<string[]> {
    for (const [ref, oid] of refs) {
      assertRefName(ref);
      assertOid(oid, this.o.repo.objectFormat);
    }
    return createPackedRefs({
      fs: this.fs, commonDir: this.o.repo.commonDir, refs, timeoutMs: this.o.lockTimeoutMs ?? 5000,
      looseExists: (ref) => this.readLooseRaw(refPath(this.dirs, ref)) !== null,
    });
  }

  async compact(prefix: string): Promise<boolean> {
    return packLooseRefs({ commonDir: this.o.repo.commonDir, prefix: assertRefPrefix(prefix), threshold: LOOSE_REFS_THRESHOLD });
  }

  async fingerprint(prefix: string): Promise<{ token: string; racy: boolean }> {
    const { dir } = prefixDir(this.dirs, assertRefPrefix(prefix));
    return refFingerprint({ fs: this.fs, dir, packed: this.packed });
  }

  private resolve(ref: string, depth: number): Oid | null {
    const raw = this.readLooseRaw(refPath(this.dirs, ref));
    if (raw === null) return this.packed.lookup(ref);
    const target = /^ref: (\S+)/.exec(raw)?.[1];
    if (target && depth < MAX_SYMREF_DEPTH && isValidRefName(target)) return this.resolve(target, depth + 1);
    const oid = raw.trim();
    return isOid(oid, this.o.repo.objectFormat) ? oid : null;
  }

  private readLoose(file: string): Oid | null {
    return readLoose(this.fs, file, this.o.repo.objectFormat);
  }

  private readLooseRaw(file: string): string | null {
    return readLooseRaw(this.fs, file);
  }

  private unlinkQuietly(file: string): void {
    try {
      this.fs.unlinkSync(file);
    } catch {
      /* never created, or already gone */
    }
  }
}
