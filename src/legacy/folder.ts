/**
 * The legacy folder as the importer may see it: listings and file reads that never leave the
 * folder. A symbolic link is followed only while its target stays inside (a link to
 * `~/.ssh/id_rsa` must not end up in `extra.legacy`, ready to be pushed); one that points outside
 * is reported and not followed. Text is decoded as UTF-8; bytes that are not UTF-8 are reported by
 * file and line (and read as U+FFFD, so the rest of the file still imports).
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from './types';

export type EntryKind = 'file' | 'dir' | 'other';

export interface Entry {
  name: string;
  kind: EntryKind;
}

/** At most this many bad lines are named per file; a summary counts the rest. */
const MAX_LINES_NAMED = 5;

export class LegacyFolder {
  private readonly realRoot: string;
  /** Links already reported, so a link met by a listing and a read is reported once. */
  private readonly reported = new Set<string>();
  /**
   * Regular files and folders (not links) listed in a folder that resolved inside: they are inside
   * too, so reading them needs no realpath (one per file cost ~0.6 s of a 10,000-file import).
   */
  private readonly listedInside = new Set<string>();

  constructor(readonly root: string, private readonly problems: Problem[]) {
    this.realRoot = fs.realpathSync.native(root);
  }

  /** The entries of a folder (`''` is the root), sorted by name; [] when missing or outside. */
  list(rel: string): Entry[] {
    const abs = path.join(this.root, rel);
    if (!this.staysInside(rel, abs)) return [];
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return [];
    }
    const out: Entry[] = [];
    for (const d of dirents) {
      const child = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isFile() || d.isDirectory()) {
        out.push({ name: d.name, kind: d.isFile() ? 'file' : 'dir' });
        this.listedInside.add(child);
      } else if (d.isSymbolicLink()) {
        const kind = this.linkKind(child, path.join(abs, d.name));
        if (kind) out.push({ name: d.name, kind });
      } else out.push({ name: d.name, kind: 'other' });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A file's bytes and mtime; null when missing, outside the folder or unreadable (the last two reported). */
  read(rel: string): { bytes: Buffer; mtimeMs: number } | null {
    const abs = path.join(this.root, rel);
    if (!this.staysInside(rel, abs)) return null;
    let fd: number;
    try {
      fd = fs.openSync(abs, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.push({ file: rel, message: `cannot be read: ${(e as Error).message}` });
      return null;
    }
    try {
      const st = fs.fstatSync(fd);
      const bytes = Buffer.allocUnsafe(st.size);
      let done = 0;
      while (done < st.size) {
        const n = fs.readSync(fd, bytes, done, st.size - done, done);
        if (n === 0) break;
        done += n;
      }
      return { bytes: bytes.subarray(0, done), mtimeMs: st.mtimeMs };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** A text file decoded as UTF-8 (bad bytes reported by line), or null as for read(). */
  text(rel: string): string | null {
    const r = this.read(rel);
    return r === null ? null : this.decode(rel, r.bytes);
  }

  decode(rel: string, bytes: Buffer): string {
    if (!isUtf8(bytes)) this.reportBadLines(rel, bytes);
    return bytes.toString('utf8');
  }

  private reportBadLines(rel: string, bytes: Buffer): void {
    const lines: number[] = [];
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl < 0 ? bytes.length : nl;
      if (!isUtf8(bytes.subarray(start, end))) lines.push(line);
      start = end + 1;
    }
    for (const line of lines.slice(0, MAX_LINES_NAMED)) {
      this.problems.push({ file: rel, line, message: 'bytes that are not UTF-8; read as U+FFFD (�), check the imported text' });
    }
    if (lines.length > MAX_LINES_NAMED) {
      this.problems.push({ file: rel, message: `${lines.length - MAX_LINES_NAMED} more lines with bytes that are not UTF-8` });
    }
  }

  /** Whether `abs` (missing counts as inside: reading it finds nothing) resolves inside the folder. */
  private staysInside(rel: string, abs: string): boolean {
    if (this.listedInside.has(rel)) return true;
    let real: string;
    try {
      real = fs.realpathSync.native(abs);
    } catch {
      return true;
    }
    if (this.inside(real)) return true;
    this.reportOutside(rel);
    return false;
  }

  private reportOutside(rel: string): void {
    if (this.reported.has(rel)) return;
    this.reported.add(rel);
    this.problems.push({ file: rel, message: 'a symbolic link to a place outside the imported folder; not followed' });
  }

  private inside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot.endsWith(path.sep) ? this.realRoot : this.realRoot + path.sep);
  }

  /** What a symbolic link inside the folder points at; null when outside (reported) or dangling. */
  private linkKind(rel: string, abs: string): EntryKind | null {
    let real: string;
    try {
      real = fs.realpathSync.native(abs);
    } catch {
      return 'other';
    }
    if (!this.inside(real)) {
      this.reportOutside(rel);
      return null;
    }
    const st = fs.statSync(real);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  }
}
