/**
 * What a use case works on: the repository, the storage ports (objects, refs, notes, porcelain),
 * the milestone entity store and the derived index, the Env, and the writer identity. Only the
 * shape lives here, so every use case can import it without importing what opens it
 * (core/openContext.ts wires the git adapters; unit tests build one from the memory doubles).
 */
import type { Env } from '../env/Env';
import type { ProcessRunner } from '../env/ProcessRunner';
import type { MilestoneState } from '../domain/types';
import type { MilestoneIndex } from '../index/MilestoneIndex';
import type { EntityStore } from '../storage/entity/EntityStore';
import type { WriteRequest } from '../storage/entity/types';
import type { GitPorcelain, NotesStore, RepoInfo, Storage } from '../storage/ports';

export interface Context {
  env: Env;
  repo: RepoInfo;
  /** `<git-common-dir>/milestones`: index, logs and other derived files. */
  dataDir: string;
  storage: Storage;
  /** Commit notes (commit links). */
  notes: NotesStore;
  /** The porcelain git runs itself: branches, merge checks, config, remotes, bundles. */
  git: GitPorcelain;
  /** Runs commands that are not git (`execute`'s agent and verify commands). */
  processes: ProcessRunner;
  milestones: EntityStore<MilestoneState>;
  index: MilestoneIndex;
  /**
   * The fencing number this writer presents for claimed tasks (`--fencing`; else the
   * MILESTONE_FENCING variable is read): core/claim/checkFencing.ts.
   */
  fencing?: number;
  /**
   * Set by a long-lived process (the MCP server): backend indexes opened by a read are kept here
   * and reused by the next read instead of being opened and closed per call (openBackendIndex.ts).
   */
  keptIndexes?: Map<string, MilestoneIndex>;
  /** Author and time for a write (asks git once per process). */
  who(): WriteRequest;
  close(): Promise<void>;
}
