/**
 * Loose objects written and read in-process: `objects/<2 hex>/<rest>` holding the deflated
 * framed object. Writes go to a `tmp_obj_*` file in the fan-out directory and are renamed into
 * place (readers never see half an object; `git gc` cleans up tmp_obj_* left by a crash), with
 * mode 0444 like git. An object already present is not rewritten.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { crypto, zlib } from '../../env/builtins';
import { MilestoneError } from '../../errors/MilestoneError';
import { hashObject, objectHeader } from '../format/hashObject';
import { inflateObject } from './inflateObject';
import type { FsLike, GitObjectType, ObjectFormat } from './types';

export interface LooseObjectsOptions {
  /** `<commonDir>/objects`. */
  objectsDir: string;
  format: ObjectFormat;
  fs?: FsLike;
}

/** How often a fan-out directory pruned under us is made again before giving up. */
const MAX_PRUNED_RETRIES = 8;

/** git's core.looseCompression default (Z_BEST_SPEED). */
const LOOSE_COMPRESSION = 1;

export class LooseObjects {
  private readonly fs: FsLike;
  /** Fan-out directory → the names listed in it (present()), kept for this instance's life. */
  private readonly listings = new Map<string, Set<string>>();

  constructor(private readonly o: LooseObjectsOptions) {
    this.fs = o.fs ?? nodeFs;
  }

  /** Joined by hand: path.join's normalizing was ≈5 % of a cold rebuild's allocations. */
  pathOf(oid: string): string {
    return `${this.o.objectsDir}${path.sep}${oid.slice(0, 2)}${path.sep}${oid.slice(2)}`;
  }

  write(type: GitObjectType, content: Buffer): string {
    const oid = hashObject({ type, content, format: this.o.format });
    const file = this.pathOf(oid);
    if (this.exists(file)) return oid;
    const tmp = path.join(path.dirname(file), `tmp_obj_${crypto().randomBytes(6).toString('hex')}`);
    const data = zlib().deflateSync(Buffer.concat([objectHeader(type, content.length), content]), { level: LOOSE_COMPRESSION });
    try {
      this.createTemp(tmp, data);
      this.fs.chmodSync(tmp, 0o444);
      this.fs.renameSync(tmp, file);
      this.listings.get(oid.slice(0, 2))?.add(oid.slice(2));
    } catch (e) {
      this.removeQuietly(tmp);
      throw new MilestoneError('GIT_FAILED', `cannot write object ${oid}: ${(e as Error).message}`, {
        hint: `Check that ${this.o.objectsDir} is writable and the disk is not full.`,
        cause: e,
      });
    }
    return oid;
  }

  /** The object, or null when there is no loose copy (it may still be packed). */
  read(oid: string): { type: GitObjectType; content: Buffer } | null {
    let raw: Buffer;
    try {
      raw = this.fs.readFileSync(this.pathOf(oid)) as Buffer;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw e;
    }
    return inflateObject(raw, oid);
  }

  /**
   * Which of these oids have a loose copy, from one directory listing per fan-out directory:
   * far cheaper than a failed open per packed object (about 10 µs each, mostly the thrown error).
   * Each directory is listed once per instance (a cold rebuild of 10,000 milestones asked about
   * 256 directories some twenty times: ≈1.2 s of readdir). A stale listing costs no correctness:
   * an object written since by another process is missing from it and goes to `git cat-file
   * --batch`, which reads loose objects too; one packed and pruned since fails its open and goes
   * there as well; this instance's own writes are added.
   */
  present(oids: string[]): Set<string> {
    const byDir = new Map<string, string[]>();
    for (const oid of oids) {
      const group = byDir.get(oid.slice(0, 2));
      if (group) group.push(oid);
      else byDir.set(oid.slice(0, 2), [oid]);
    }
    const out = new Set<string>();
    for (const [dir, group] of byDir) {
      let names = this.listings.get(dir);
      if (!names) {
        try {
          names = new Set(this.fs.readdirSync(path.join(this.o.objectsDir, dir)) as string[]);
        } catch {
          names = new Set();
        }
        this.listings.set(dir, names);
      }
      for (const oid of group) if (names.has(oid.slice(2))) out.add(oid);
    }
    return out;
  }

  /**
   * Creates the fan-out directory only when missing (an mkdir per write costs more than the write).
   * `git gc` (prune-packed) removes empty fan-out directories at any time, also between our mkdir
   * and our write: that ENOENT is retried a few times.
   */
  private createTemp(tmp: string, data: Buffer): void {
    for (let tries = 0; ; tries++) {
      try {
        this.fs.writeFileSync(tmp, data, { flag: 'wx' });
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || tries >= MAX_PRUNED_RETRIES) throw e;
      }
      try {
        this.fs.mkdirSync(path.dirname(tmp), { recursive: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }

  private exists(file: string): boolean {
    try {
      this.fs.statSync(file);
      return true;
    } catch {
      return false;
    }
  }

  private removeQuietly(file: string): void {
    try {
      this.fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
}
