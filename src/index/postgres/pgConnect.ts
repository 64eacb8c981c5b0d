/**
 * Connects to the portfolio database (pg is required here, lazily) and makes sure the schema is
 * there and current, under an advisory lock so concurrent first uses do not race. A server that
 * cannot be reached is BACKEND_UNAVAILABLE, naming host, port and database but never a password.
 */
import type { Client } from 'pg';
import { MilestoneError } from '../../errors/MilestoneError';
import { PG_DDL, PG_SCHEMA, PG_SCHEMA_VERSION } from './pgSchema';

const LOCK_KEY = 7_314_159_265;

/** The URL without user info, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

export async function pgConnect(url: string): Promise<Client> {
  const pg = require('pg') as typeof import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, query_timeout: 120_000 });
  client.on('error', () => undefined); // a dropped connection surfaces on the next query instead
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new MilestoneError('BACKEND_UNAVAILABLE', `cannot reach the PostgreSQL server at ${describeUrl(url)}: ${(e as Error).message}`, {
      hint: 'Check index.postgresql.url (or DATABASE_URL) and that the server is running; local commands work without it.',
      data: { backend: 'postgresql', server: describeUrl(url) },
      cause: e,
    });
  }
  await ensureSchema(client);
  return client;
}

async function ensureSchema(client: Client): Promise<void> {
  await client.query(`SET search_path TO ${PG_SCHEMA}`);
  const current = async () => {
    const exists = await client.query(`SELECT to_regclass('${PG_SCHEMA}.meta') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return undefined;
    const r = await client.query(`SELECT value FROM ${PG_SCHEMA}.meta WHERE key = 'schema_version'`);
    return r.rows[0]?.value as string | undefined;
  };
  if ((await current()) === PG_SCHEMA_VERSION) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    if ((await current()) !== PG_SCHEMA_VERSION) {
      await client.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE; CREATE SCHEMA ${PG_SCHEMA}; SET LOCAL search_path TO ${PG_SCHEMA}`);
      await client.query(PG_DDL);
      await client.query(`INSERT INTO meta (key, value) VALUES ('schema_version', $1)`, [PG_SCHEMA_VERSION]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
