/**
 * `list_cache`: one row holding every row of the index rendered back to back (`header`: id, status,
 * archived, created and length of each; `body`), the plain `list --json` answer (`live`), and the
 * refs token of the sync they were rendered after. A sync that changes anything deletes it. It is
 * read only while its token is the one in `meta`, and stored only if `meta` still holds the token
 * it was rendered at: a process that rendered rows while another synced newer ones cannot store
 * its older rows over them.
 */
import type { ListRow } from '../MilestoneIndex';
import type { Db } from './openSqlite';
import { joinRows } from '../shared/renderRows';
import { rowsOf, selectRows } from './selectRows';

export interface StoredList {
  token: string;
  rows: ListRow[];
  live: Buffer;
}

export function metaToken(db: Db): string | null {
  return (db.prepare(`SELECT value FROM meta WHERE key = 'token'`).pluck().get() as string | undefined) ?? null;
}

/** The stored rows (or only the plain answer, `withRows` false) when current; else null. */
export function readStoredList(db: Db, withRows: boolean): StoredList | null {
  const hit = db.prepare(`SELECT l.token, ${withRows ? 'l.header, l.body' : `'[]' AS header, NULL AS body`}, l.live FROM list_cache l
    JOIN meta m ON m.key = 'token' AND m.value = l.token LIMIT 1`).get() as { token: string; header: string; body: Buffer | null; live: Buffer } | undefined;
  if (!hit) return null;
  return { token: hit.token, live: hit.live, rows: hit.body ? rowsOf(JSON.parse(hit.header), hit.body) : [] };
}

export function storeList(db: Db, token: string, rows: ListRow[], live: Buffer): void {
  const body = rows[0]?.body;
  if (!body || !rows.every((r) => r.body === body)) return;
  const header = JSON.stringify(rows.map((r) => [r.id, r.status, r.archived ? 1 : 0, r.createdAt, r.end - r.start]));
  db.prepare(`INSERT OR REPLACE INTO list_cache (generation, token, header, body, live)
    SELECT 1, ?, ?, ?, ? WHERE (SELECT value FROM meta WHERE key = 'token') IS ?`).run(token, header, body, live, token);
}

/** Renders every row and the plain answer at the token they belong to, and stores them. */
export function renderStoredList(db: Db): StoredList {
  const { token, rows } = db.transaction(() => ({ token: metaToken(db), rows: selectRows(db, { all: true }) }))();
  const live = joinRows(rows.filter((r) => !r.archived));
  if (token === null) return { token: '', rows, live };
  try {
    storeList(db, token, rows, live);
  } catch {
    // derived: rendered again next time
  }
  return { token, rows, live };
}
