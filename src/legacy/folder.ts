/**
 * The legacy folder as the importer may see it: listings and file reads that never leave the
 * folder. A symbolic link is followed only while its target stays inside (a link to
 * `~/.ssh/id_rsa` must not end up in `extra.legacy`, ready to be pushed); one that points outside
 * is reported and not followed. Text is decoded as UTF-8; bytes that are not UTF-8 are reported by
 * file and line (and read as U+FFFD, so the rest of the file still imports).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8, readWhole } from './fileBytes';
import type { Problem } from './types';

export type EntryKind = 'file' | 'dir' | 'other';

export interface Entry {
  name: string;
  kind: EntryKind;
}

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
    return readWhole(fd);
  }

  /** A text file decoded as UTF-8 (bad bytes reported by line), or null as for read(). */
  text(rel: string): string | null {
    const r = this.read(rel);
    return r === null ? null : this.decode(rel, r.bytes);
  }

  decode(rel: string, bytes: Buffer): string {
    return decodeUtf8(rel, bytes, this.problems);
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
