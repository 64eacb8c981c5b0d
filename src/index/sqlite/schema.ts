/**
 * The SQLite index's schema (`<git-common-dir>/milestones/index.db`). `PRAGMA user_version` holds
 * SCHEMA_VERSION (with the file index's summary version folded in, so a change to the summary
 * shape also invalidates stored summaries); a file with another version is emptied and refilled.
 *
 *   meta(key, value)                     'token': the refs fingerprint last verified against
 *   shard_digests(shard, digest)         digest of each shard's (id, tip) pairs (index/shared/digests.ts)
 *   milestones                           one row per entity ref: tip, summary columns, the
 *                                        pre-rendered `list --json` row; `error` for unreadable refs
 *                                        (partial index milestones_error: the warning check of every
 *                                        list reads only those, not 10,000 rows)
 *   labels, aliases, tasks, dependencies the rest of the model; dependencies.kind is task|milestone
 *   operations                           the full history: (milestone, commit, seq) → the operation
 *   list_cache                           every row rendered back to back (header: ids, statuses,
 *                                        lengths), `live`: the whole plain `list --json` answer, and
 *                                        the refs token they were rendered at (storedList.ts)
 *   search                               FTS5 (trigram: substring, case-insensitive) over titles,
 *                                        descriptions, success criteria, aliases and task text;
 *                                        rowid = milestones.rowid
 */
import { INDEX_VERSION } from '../shared/indexVersion';

export const SCHEMA_VERSION = 7 * 1000 + INDEX_VERSION;

export const TABLES = ['list_cache', 'meta', 'shard_digests', 'milestones', 'labels', 'aliases', 'tasks', 'dependencies', 'operations', 'search'];

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shard_digests (shard TEXT PRIMARY KEY, digest TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS milestones (
  id TEXT PRIMARY KEY, shard TEXT NOT NULL, tip TEXT NOT NULL, error TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, priority TEXT, category TEXT,
  start_date TEXT, due_date TEXT, progress INTEGER NOT NULL,
  task_count INTEGER NOT NULL, done_count INTEGER NOT NULL, blocked_count INTEGER NOT NULL, conflict_count INTEGER NOT NULL,
  archived INTEGER NOT NULL, deleted INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  text_ascii INTEGER NOT NULL, summary BLOB, summary_len INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS labels (label TEXT NOT NULL, milestone_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS aliases (alias TEXT NOT NULL, milestone_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT NOT NULL, milestone_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
  assignee TEXT, estimated_hours REAL, started_at TEXT, completed_at TEXT, deleted INTEGER NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dependencies (milestone_id TEXT NOT NULL, kind TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS operations (
  milestone_id TEXT NOT NULL, commit_oid TEXT NOT NULL, seq INTEGER NOT NULL, lamport INTEGER NOT NULL, type TEXT NOT NULL,
  author_name TEXT NOT NULL, author_email TEXT NOT NULL, time TEXT NOT NULL, op TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS list_cache (generation INTEGER PRIMARY KEY, token TEXT NOT NULL, header TEXT NOT NULL, body BLOB, live BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5 (title, description, criteria, aliases, tasks, tokenize = 'trigram');
`;

/** Secondary indexes: dropped before a load into an empty index and created after it (faster than maintaining them row by row). */
export const INDEX_NAMES = ['milestones_list', 'milestones_order', 'milestones_shard', 'milestones_status', 'labels_milestone', 'aliases_milestone', 'tasks_milestone', 'tasks_assignee', 'dependencies_milestone', 'dependencies_to', 'operations_time', 'tasks_id', 'operations_milestone', 'labels_key', 'aliases_key', 'milestones_error'];
export const INDEXES_SQL = `
CREATE INDEX IF NOT EXISTS milestones_list ON milestones (created_at, id, status, archived, deleted, summary_len) WHERE error IS NULL;
CREATE INDEX IF NOT EXISTS milestones_order ON milestones (created_at, id);
CREATE INDEX IF NOT EXISTS milestones_shard ON milestones (shard);
CREATE INDEX IF NOT EXISTS milestones_status ON milestones (status);
CREATE INDEX IF NOT EXISTS labels_milestone ON labels (milestone_id);
CREATE INDEX IF NOT EXISTS aliases_milestone ON aliases (milestone_id);
CREATE INDEX IF NOT EXISTS tasks_milestone ON tasks (milestone_id);
CREATE INDEX IF NOT EXISTS tasks_assignee ON tasks (assignee);
CREATE INDEX IF NOT EXISTS dependencies_milestone ON dependencies (milestone_id);
CREATE INDEX IF NOT EXISTS dependencies_to ON dependencies (to_id);
CREATE INDEX IF NOT EXISTS operations_time ON operations (time);
CREATE INDEX IF NOT EXISTS tasks_id ON tasks (id);
CREATE INDEX IF NOT EXISTS operations_milestone ON operations (milestone_id);
CREATE INDEX IF NOT EXISTS labels_key ON labels (label, milestone_id);
CREATE INDEX IF NOT EXISTS aliases_key ON aliases (alias);
CREATE INDEX IF NOT EXISTS milestones_error ON milestones (id) WHERE error IS NOT NULL;
`;
