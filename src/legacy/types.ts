/**
 * What the reader of a legacy `.milestones/` folder produces (see docs/import-export.md and
 * ../shared/legacy-format.md): one entry per milestone file with the parsed document and the files
 * that belong to it (sessions, approvals, event log, completion files), plus everything it could not
 * read, by file and line. Plain data, JSON all the way down.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A file or line that could not be read; the rest of the import goes on. */
export interface Problem {
  /** Path relative to the legacy folder, `/`-separated (`state/events/milestone-x.jsonl`). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

/** A file the legacy format has but git-milestone does not import, and why. */
export interface Skipped {
  file: string;
  reason: string;
}

/** A JSON Lines file: the parsed objects in order, and the lines that were not JSON objects. */
export interface JsonLines {
  entries: JsonObject[];
  rejected: Array<{ line: number; text: string }>;
}

/** Files that travel with a milestone, kept under `extra.legacy` of the imported milestone. */
export interface Attachments {
  /** Named in `active/current.txt`. */
  current?: true;
  /** `sessions/<name>.yaml` by name (without `.yaml`). */
  sessions?: Record<string, Json>;
  /** The session named in `sessions/current.txt`. */
  currentSession?: string;
  /** `approvals/<file>` by file name. */
  approvals?: Record<string, Json>;
  /** `state/events/milestone-<id>.jsonl`. */
  events?: JsonObject[];
  rejectedEvents?: Array<{ line: number; text: string }>;
  /** `completed/<id>/completion-report.yaml`, `lessons-learned.yaml`, `audit-trail.jsonl`. */
  completionReport?: Json;
  lessonsLearned?: Json;
  auditTrail?: JsonObject[];
  rejectedAuditTrail?: Array<{ line: number; text: string }>;
}

export interface LegacyMilestone {
  /** The legacy id (`id:` of the file, else its name): becomes an alias. */
  legacyId: string;
  /** Where the definition was read, relative to the legacy folder. */
  file: string;
  doc: JsonObject;
  /** sha256 of the definition file's bytes. */
  contentHash: string;
  /** The definition file's mtime (ISO), the creation time of last resort. */
  mtime: string;
  attachments: Attachments;
}

export interface LegacyTree {
  root: string;
  milestones: LegacyMilestone[];
  problems: Problem[];
  skipped: Skipped[];
}
