/**
 * In-memory NotesStore for unit tests, built on the other doubles the way git builds notes: each
 * append writes the note blob, a flat tree (annotated oid → blob) and a commit on the notes ref, so
 * `tip` changes with every note and `list`/`read` go through the ObjectStore like the git adapter.
 */
import type { NotesStore, Oid, TreeEntry } from '../ports';
import type { MemoryObjectStore } from './MemoryObjectStore';
import type { MemoryRefStore } from './MemoryRefStore';

const WHO = { name: 'notes', email: 'notes@memory', timestamp: 0, timezoneOffset: 0 };

export class MemoryNotesStore implements NotesStore {
  constructor(private readonly o: { objects: MemoryObjectStore; refs: MemoryRefStore }) {}

  tip(notesRef: string): Promise<Oid | null> {
    return this.o.refs.read(notesRef);
  }

  async list(notesRef: string): Promise<Map<Oid, Oid>> {
    const tip = await this.tip(notesRef);
    if (!tip) return new Map();
    const tree = await this.o.objects.readTree((await this.o.objects.readCommit(tip)).tree);
    return new Map(tree.map((e) => [e.name, e.oid]));
  }

  async read(notesRef: string, commit: Oid): Promise<string | null> {
    const blob = (await this.list(notesRef)).get(commit);
    return blob ? (await this.o.objects.readBlob(blob)).toString('utf8') : null;
  }

  /** Test hook, as `git notes append` in the post-commit shim: the line goes after any existing note. */
  async append(notesRef: string, commit: Oid, line: string): Promise<void> {
    const tip = await this.tip(notesRef);
    const notes = await this.list(notesRef);
    const before = await this.read(notesRef, commit);
    notes.set(commit, await this.o.objects.writeBlob(before === null ? `${line}\n` : `${before.replace(/\n*$/, '\n\n')}${line}\n`));
    const entries: TreeEntry[] = [...notes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, oid]) => ({ mode: '100644', name, oid }));
    const tree = await this.o.objects.writeTree(entries);
    const next = await this.o.objects.writeCommit({ tree, parents: tip ? [tip] : [], author: WHO, committer: WHO, message: 'Notes added by git-milestone\n' });
    await this.o.refs.cas(notesRef, tip, next);
  }
}
