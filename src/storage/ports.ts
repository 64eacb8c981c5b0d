/**
 * The narrow ports core, hooks, the entity engine and indexes talk to. `git/` implements them on a
 * real repository (loose objects written in-process, batched reads through `git cat-file --batch`,
 * refs updated with git's own `.lock` protocol, porcelain through native git); `memory/` holds the
 * in-memory doubles for unit tests. Nothing above storage/ imports `git/` except the two places that
 * wire a repository: core/context.ts and hooks/runHook.ts.
 */
export type Oid = string;

export type ObjectFormat = 'sha1' | 'sha256';

export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface RepoInfo {
  /** This checkout's git directory (`.git`, or `.git/worktrees/<name>` for a linked worktree). */
  gitDir: string;
  /** Where objects, shared refs and config live (equals gitDir outside linked worktrees). */
  commonDir: string;
  /** Top of the working tree, null for a bare repository or when run inside the git directory. */
  workTree: string | null;
  bare: boolean;
  objectFormat: ObjectFormat;
}

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
  /**
   * The first-parent chain of each of `commits` (themselves included) in one walk
   * (`git rev-list --first-parent`), so a long history is then read in one readMany instead of one
   * round trip per generation; null when it cannot be had in one go (a missing object): the caller
   * walks generation by generation. First parents only: an entity commit's extra parents may be
   * attachments (storage/entity/layout.ts), whose history is not the entity's.
   */
  ancestors(commits: Oid[]): Promise<Oid[] | null>;
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
  /** The notes ref's tip (changes whenever any note changes), or null when there are none. */
  tip(notesRef: string): Promise<Oid | null>;
  /** Annotated object → note blob, for every note under the ref. */
  list(notesRef: string): Promise<Map<Oid, Oid>>;
}

export interface Storage {
  objects: ObjectStore;
  refs: RefStore;
}

/** What a git command answered: its exit status and output. */
export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** One commit of a bulk write: its whole tree (one level of files), author and message. */
export interface BulkCommit {
  files: Array<{ name: string; data: string | Buffer }>;
  author: { name: string; email: string };
  /** Unix seconds, UTC. */
  timestamp: number;
  message: string;
}

/** Config scope of a read or write: `local` is the repository's own file only. */
export interface ConfigScope {
  local?: boolean;
}

/**
 * The porcelain git must run itself (its rules for work trees, branches, merges, config files,
 * remotes with their credential helpers, bundles). Synchronous: each call is one short git run.
 * A failure throws MilestoneError GIT_FAILED with git's first error line, credentials scrubbed;
 * `hint` replaces the default hint. Where a status is itself an answer, the method returns it.
 */
export interface GitPorcelain extends WorktreePorcelain {
  /** The same porcelain with extra environment for git (e.g. GIT_TERMINAL_PROMPT=0). */
  withEnv(extra: Record<string, string>): GitPorcelain;
  /** `rev-parse --verify -q REV`: the object a revision names (`HEAD`, `main^{tree}`), or null. */
  revParse(rev: string): Oid | null;
  /** `symbolic-ref -q --short NAME`: the short name a symbolic ref (HEAD) points at, or null. */
  symbolicRef(name: string): string | null;
  /** `check-ref-format --branch`: whether git accepts the branch name. */
  isValidBranchName(name: string): boolean;
  /** `checkout [-b] BRANCH`. */
  checkout(branch: string, o: { create: boolean }): void;
  /** `branch -D BRANCH` (refused for a branch checked out in any worktree). */
  deleteBranch(branch: string): void;
  /** Branches checked out in any worktree of the repository. */
  worktreeBranches(): Set<string>;
  /** `rev-parse --git-path NAME`, absolute (e.g. `hooks`: where git runs hooks from). */
  gitPath(name: string): string;
  /** Branch names (without refs/heads/) whose tip is in BASE's history. */
  mergedBranches(base: string): Set<string>;
  /** Whether some local branch contains the commit. */
  branchContains(commit: Oid): boolean;
  /** `cherry BASE TIP`: one line per commit of TIP (`-` when BASE has an equivalent); null when git fails. */
  cherry(base: string, tip: string): string[] | null;
  /** `merge-tree --write-tree BASE TIP`: the merged tree, null on conflicts or failure. */
  mergeTree(base: string, tip: string): Oid | null;
  /** Added, copied, modified or renamed files the index stages, matching the pathspecs. */
  stagedFiles(pathspecs: string[]): string[];
  /** A file's staged content (`:PATH`), or null. */
  stagedBlob(file: string): string | null;
  configGet(key: string): string | null;
  configGetAll(key: string, o?: ConfigScope): string[];
  /**
   * Every entry (canonical key → last value) whose key matches the regexp, from all scopes.
   * `inProcess`: read git's config files without starting git when that surely gives git's answer
   * (the hooks' start-up budget); a damaged file is then skipped rather than reported.
   */
  configMatching(pattern: string, o?: { inProcess?: boolean }): Record<string, string>;
  configSet(key: string, value: string, o?: ConfigScope): void;
  configAdd(key: string, value: string, o?: ConfigScope): void;
  /** Removes the values of KEY matching VALUEPATTERN (`''`: every value); false when there was none. */
  configUnset(key: string, valuePattern: string, o?: ConfigScope): boolean;
  /** `var GIT_AUTHOR_IDENT` (`Name <email> time zone`), or null when git knows no identity. */
  authorIdent(): string | null;
  /** Author e-mails of commits reachable from refs matching GLOB since the date. */
  authorEmails(o: { since: Date; glob: string }): string[];
  /** `git --version`'s version. */
  version(): string;
  remotes(): string[];
  /** `fetch --quiet --no-tags SOURCE REFSPECS…` (SOURCE: a remote name, URL or bundle file). */
  fetch(source: string, refspecs: string[], o?: { hint?: string }): void;
  /** `push --porcelain REMOTE REFSPECS…`: the caller reads the per-ref lines whatever the status. */
  push(remote: string, refspecs: string[]): GitResult;
  /**
   * One atomic compare-and-swap of a ref on a remote: `push --porcelain
   * --force-with-lease=REF:EXPECTED REMOTE NEXT:REF` (EXPECTED null: the ref must not exist there).
   * `moved` when the remote's ref was not EXPECTED (another writer won); GIT_FAILED otherwise.
   */
  pushIfUnchanged(remote: string, ref: string, next: Oid, expected: Oid | null): 'ok' | 'moved';
  /** `notes --ref=REF merge --strategy=STRATEGY FROM`, with extra environment (a fallback identity). */
  mergeNotes(ref: string, from: string, o: { strategy: string; env?: Record<string, string> }): GitResult;
  /** `bundle create FILE` of the refs. */
  bundleCreate(file: string, refs: string[], o?: { hint?: string }): void;
  /** `bundle verify`: null when the bundle is good, else git's first error line. */
  bundleVerify(file: string): string | null;
  /** Ref name → oid of the refs a bundle carries (empty when git cannot read it). */
  bundleHeads(file: string): Map<string, Oid>;
  /** Deletes refs in one transaction; whether git succeeded. */
  deleteRefs(refs: string[]): boolean;
  /**
   * Writes many linear histories in one stream (`git fast-import`) on a scratch ref; returns the
   * tip of each, in order. The caller creates the real refs and deletes the scratch ref.
   */
  bulkWrite(o: { scratchRef: string; histories: Iterable<BulkCommit[]>; onHistory?: (done: number) => void }): Promise<Oid[]>;

  // Work trees (sessions): `worktree` is a work tree's path, default this one.
  /**
   * Saves a work tree's uncommitted changes as one commit, as `git stash create` makes it (parents:
   * HEAD, the index) plus the untracked files as `git stash -u` stores them (a third parent), and
   * leaves the work tree, the index and the stash list untouched. Null when nothing is uncommitted
   * (or before the first commit).
   */
  stashCreate(o?: { worktree?: string; message?: string }): Oid | null;
  /** `stash apply --index STASH` in a work tree (untracked files too); GIT_FAILED on conflicts. */
  stashApply(stash: Oid, o?: { worktree?: string }): void;
  /** A work tree's branch, HEAD, whether anything is uncommitted, its top and common git dir; null when none. */
  workTreeState(worktree?: string): WorkTreeState | null;
  /** workTreeState without `dirty` (one git run, no scan of the files). */
  workTreeHead(worktree?: string): Omit<WorkTreeState, 'dirty'> | null;
  /** `worktree add PATH BRANCH` (a branch that exists), or `-b BRANCH PATH START` when `start` is given. */
  worktreeAdd(path: string, branch: string, o?: { start?: Oid }): Promise<void>;
  /** `checkout BRANCH` (or `checkout -b BRANCH START`) in a work tree. */
  checkoutIn(worktree: string, branch: string, o?: { start?: Oid }): void;
}

export interface WorkTreeState {
  top: string;
  commonDir: string;
  branch: string | null;
  head: Oid | null;
  dirty: boolean;
}

/** A linked (or the main) worktree as `git worktree list --porcelain` names it. */
export interface WorktreeInfo {
  path: string;
  /** Short branch name, null when detached or bare. */
  branch: string | null;
}

/** How a finished branch comes back: a merge commit, one squashed commit, or a fast-forward. */
export type MergeMode = 'merge' | 'squash' | 'ff-only';

/** A merge or rebase that stopped on conflicts was aborted: the files named, nothing changed. */
export interface MergeOutcome {
  ok: boolean;
  conflicts: string[];
  /** git's first error line when it failed for another reason. */
  error?: string;
}

/** Worktrees and the work-tree side of merges (`execute`: one linked worktree per agent), without blocking. */
export interface WorktreePorcelain {
  /** The same porcelain run in another work tree of the repository (a linked worktree). */
  at(workTree: string): GitPorcelain;
  worktreeList(): Promise<WorktreeInfo[]>;
  /** `worktree remove [--force] PATH` (its admin dir goes with it). */
  worktreeRemove(path: string, o: { force: boolean }): Promise<void>;
  /** Paths with changes in this work tree (`status --porcelain`, untracked included). */
  dirtyFiles(): Promise<string[]>;
  /** `add -A` and `commit -m MESSAGE` in this work tree; false when nothing changed (no commit). */
  commitAll(message: string): Promise<boolean>;
  /** Merges BRANCH into this work tree's branch; on conflicts aborts and names the files. */
  merge(branch: string, o: { mode: MergeMode; message: string }): Promise<MergeOutcome>;
  /** Rebases this work tree's branch onto ONTO; on conflicts aborts and names the files. */
  rebase(onto: string): Promise<MergeOutcome>;
}
