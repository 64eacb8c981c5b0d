/**
 * NotesStore on a real repository. Reading is in-process: the notes ref's tip commit, its tree
 * (following git's fan-out subtrees, `ab/cdef…`) and the note blobs through the ObjectStore, so a
 * lookup spawns nothing while objects are loose and one shared `cat-file --batch` when packed.
 * Notes are written by native `git notes append` in the post-commit shim (git's own locking and
 * fan-out rules), never here.
 */
import type { NotesStore, ObjectStore, Oid, RefStore } from '../ports';

export interface GitNotesStoreOptions {
  objects: ObjectStore;
  refs: RefStore;
}

export class GitNotesStore implements NotesStore {
  constructor(private readonly o: GitNotesStoreOptions) {}

  /** The tip of the notes ref, or null when there are no notes yet. */
  tip(notesRef: string): Promise<Oid | null> {
    return this.o.refs.read(notesRef);
  }

  /** Annotated object → note blob, for every note under the ref. */
  async list(notesRef: string): Promise<Map<Oid, Oid>> {
    const out = new Map<Oid, Oid>();
    const tip = await this.tip(notesRef);
    if (!tip) return out;
    const walk = async (tree: Oid, prefix: string): Promise<void> => {
      for (const e of await this.o.objects.readTree(tree)) {
        const name = prefix + e.name;
        if (e.mode === '040000' && /^[0-9a-f]{2}$/.test(e.name)) await walk(e.oid, name);
        else if (e.mode !== '040000' && /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(name)) out.set(name, e.oid);
      }
    };
    await walk((await this.o.objects.readCommit(tip)).tree, '');
    return out;
  }

  async read(notesRef: string, commit: Oid): Promise<string | null> {
    const blob = (await this.list(notesRef)).get(commit);
    return blob ? (await this.o.objects.readBlob(blob)).toString('utf8') : null;
  }
}
