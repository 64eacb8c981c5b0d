/**
 * The PostgreSQL portfolio schema: the SQLite model keyed by repository, in its own schema
 * `git_milestone` (so it can share a database with anything else). Children reference their
 * milestone with ON DELETE CASCADE, so replacing a milestone is one delete and a few inserts.
 * `meta.schema_version` differs → the schema is dropped and created again (derived data: each
 * repository re-syncs on its next use).
 */
import { INDEX_VERSION } from '../shared/indexVersion';

export const PG_SCHEMA = 'git_milestone';
export const PG_SCHEMA_VERSION = String(1 * 1000 + INDEX_VERSION);

const child = (cols: string, pk: string) => `(repo_key TEXT NOT NULL, milestone_id TEXT NOT NULL, ${cols}${pk ? `, PRIMARY KEY (${pk})` : ''},
  FOREIGN KEY (repo_key, milestone_id) REFERENCES milestones (repo_key, id) ON DELETE CASCADE)`;

export const PG_DDL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE repos (repo_key TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL, token TEXT, synced_at TIMESTAMPTZ);
CREATE TABLE milestones (
  repo_key TEXT NOT NULL REFERENCES repos (repo_key) ON DELETE CASCADE, id TEXT NOT NULL, tip TEXT NOT NULL, error TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, priority TEXT, category TEXT,
  start_date TEXT, due_date TEXT, progress INTEGER NOT NULL, task_count INTEGER NOT NULL, done_count INTEGER NOT NULL,
  blocked_count INTEGER NOT NULL, conflict_count INTEGER NOT NULL, archived BOOLEAN NOT NULL, deleted BOOLEAN NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, text_ascii BOOLEAN NOT NULL, summary TEXT,
  PRIMARY KEY (repo_key, id)
);
CREATE INDEX milestones_order ON milestones (repo_key, created_at COLLATE "C", id COLLATE "C");
CREATE TABLE labels ${child('label TEXT NOT NULL', 'repo_key, label, milestone_id')};
CREATE TABLE aliases ${child('alias TEXT NOT NULL', 'repo_key, alias')};
CREATE TABLE tasks ${child(`id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT,
  estimated_hours DOUBLE PRECISION, started_at TEXT, completed_at TEXT, deleted BOOLEAN NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL`, 'repo_key, id')};
CREATE INDEX tasks_milestone ON tasks (repo_key, milestone_id);
CREATE TABLE dependencies ${child('kind TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL', '')};
CREATE INDEX dependencies_milestone ON dependencies (repo_key, milestone_id);
CREATE TABLE operations ${child(`commit_oid TEXT NOT NULL, seq INTEGER NOT NULL, lamport INTEGER NOT NULL, type TEXT NOT NULL,
  author_name TEXT NOT NULL, author_email TEXT NOT NULL, time TEXT NOT NULL, op JSONB NOT NULL`, 'repo_key, milestone_id, commit_oid, seq')};
`;
