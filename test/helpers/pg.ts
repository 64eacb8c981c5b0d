/**
 * The test PostgreSQL server started by test/setup/postgres.ts. `pgUrl()` fails the calling test
 * with the setup's reason when there is no server; `freshDatabase()` creates an empty database so
 * each test file has its own.
 */
import { randomBytes } from 'node:crypto';

export function pgUrl(): string {
  const url = process.env.GIT_MILESTONE_TEST_PG_URL;
  if (!url) throw new Error(process.env.GIT_MILESTONE_TEST_PG_ERROR ?? 'GIT_MILESTONE_TEST_PG_URL is not set: test/setup/postgres.ts did not run (vitest.config.mts globalSetup)');
  return url;
}

export async function freshDatabase(): Promise<string> {
  const base = pgUrl();
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: base });
  await client.connect();
  const name = `gm_test_${randomBytes(6).toString('hex')}`;
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}
