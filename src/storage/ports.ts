/**
 * The narrow ports the entity engine and indexes talk to. `git/` implements them on a real
 * repository (loose objects written in-process, batched reads through `git cat-file --batch`,
 * refs updated with git's own `.lock` protocol); `memory/` is the in-memory double for unit tests.
 */
export type Oid = string;

export interface TreeEntry {
  mode: '100644' | '100755' | '040000' | '120000' | '160000';
  name: string;
  oid: Oid;
}

export interface CommitData {
  tree: Oid;
  parents: Oid[];
  author: { name: string; email: string; timestamp: number; timezoneOffset: number };
  committer: { name: string; email: string; timestamp: number; timezoneOffset: number };
  message: string;
}

export type RawObject =
  | { type: 'blob'; oid: Oid; data: Buffer }
  | { type: 'tree'; oid: Oid; entries: TreeEntry[] }
  | { type: 'commit'; oid: Oid; commit: CommitData };

export interface ObjectStore {
  writeBlob(data: Buffer | string): Promise<Oid>;
  writeTree(entries: TreeEntry[]): Promise<Oid>;
  writeCommit(commit: CommitData): Promise<Oid>;
  readBlob(oid: Oid): Promise<Buffer>;
  readTree(oid: Oid): Promise<TreeEntry[]>;
  readCommit(oid: Oid): Promise<CommitData>;
  /** Reads many objects in one round trip (one `git cat-file --batch` on a real repository). */
  readMany(oids: Oid[]): Promise<Map<Oid, RawObject>>;
  /** Releases helper processes (the batch reader). Safe to call twice. */
  close(): Promise<void>;
}

export interface RefStore {
  /** The commit a ref points at, or null. */
  read(ref: string): Promise<Oid | null>;
  /** All refs under a prefix (e.g. `refs/milestones/milestone/`), name → oid. */
  list(prefix: string): Promise<Map<string, Oid>>;
  /**
   * Compare-and-swap: sets `ref` to `next` only if it currently equals `expected`
   * (null: must not exist). Throws MilestoneError STALE_REF when it moved, LOCKED when another
   * writer holds `<ref>.lock` for longer than the wait allows.
   */
  cas(ref: string, expected: Oid | null, next: Oid): Promise<void>;
  /**
   * A cheap token that changes whenever any ref under the prefix may have changed (directory
   * mtimes, packed-refs stat). `racy` is true when the token cannot be trusted on its own yet.
   */
  fingerprint(prefix: string): Promise<{ token: string; racy: boolean }>;
  /**
   * Optional bulk create (thousands of entities arriving at once): sets every ref that does not
   * exist yet in one write. Returns the names it left alone because they exist; those go through cas.
   */
  createMany?(refs: Map<string, Oid>): Promise<string[]>;
  /** Optional upkeep: pack many loose refs under the prefix into one file (as `git gc` does). */
  compact?(prefix: string): Promise<boolean>;
}

export interface NotesStore {
  read(notesRef: string, commit: Oid): Promise<string | null>;
  append(notesRef: string, commit: Oid, line: string): Promise<void>;
  /** The notes ref's tip (changes whenever any note changes), or null when there are none. */
  tip(notesRef: string): Promise<Oid | null>;
  /** Annotated object → note blob, for every note under the ref. */
  list(notesRef: string): Promise<Map<Oid, Oid>>;
}

export interface Storage {
  objects: ObjectStore;
  refs: RefStore;
}
