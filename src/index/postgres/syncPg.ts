/**
 * Mirrors one repository into the portfolio database. If the refs fingerprint matches the token
 * stored for the repository nothing is listed; otherwise the tips are compared with the stored
 * ones and only entities whose tip moved are read again (state and history, batched) and
 * replaced, a chunk per transaction, each under a per-repository advisory lock. Rows travel as
 * one JSON parameter per table (jsonb_populate_recordset), not one statement per row.
 */
import type { Client } from 'pg';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { Oid } from '../../storage/ports';
import type { RefreshReport } from '../MilestoneIndex';
import { entityRows, type EntityRows } from '../model/entityRows';
import { readEntities } from '../model/readEntities';
import type { RepoIdentity } from './repoKey';

const BATCH = 1000;
const BOOLS = ['archived', 'deleted', 'text_ascii'];

async function tx(client: Client, repo: string, fn: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [repo]);
    await fn();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function insert(client: Client, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(rows)]);
}

async function writeBatch(client: Client, repo: string, batch: EntityRows[]): Promise<void> {
  const k = { repo_key: repo };
  await client.query('DELETE FROM milestones WHERE repo_key = $1 AND id = ANY($2)', [repo, batch.map((b) => b.milestone.id)]);
  await insert(client, 'milestones', batch.map(({ milestone: m }) => {
    const row: Record<string, unknown> = { ...k, ...m, summary: m.error ? null : m.summary };
    for (const b of BOOLS) row[b] = row[b] === 1;
    return row;
  }));
  await insert(client, 'labels', batch.flatMap((b) => b.labels.map((label) => ({ ...k, milestone_id: b.milestone.id, label }))));
  await insert(client, 'aliases', batch.flatMap((b) => b.aliases.map((alias) => ({ ...k, milestone_id: b.milestone.id, alias }))));
  await insert(client, 'tasks', batch.flatMap((b) => b.tasks.map((t) => ({ ...k, ...t, deleted: t.deleted === 1 }))));
  await insert(client, 'dependencies', batch.flatMap((b) => b.deps.map((d) => ({ ...k, ...d }))));
  await insert(client, 'operations', batch.flatMap((b) => b.ops.map((o) => ({ ...k, ...o, op: JSON.parse(o.op) as unknown }))));
}

export async function syncPg(client: Client, id: RepoIdentity, store: EntityStore<MilestoneState>, force: boolean): Promise<RefreshReport> {
  const report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };
  const refs = store.storage.refs;
  const prefix = refPrefix(store.def.kind);
  let fp = await refs.fingerprint(prefix);
  const stored = await client.query('SELECT token FROM repos WHERE repo_key = $1', [id.key]);
  if (!force && stored.rows.length > 0 && stored.rows[0].token === fp.token) return report;
  if (refs.compact && (await refs.compact(prefix))) fp = await refs.fingerprint(prefix);
  await tx(client, id.key, async () => {
    await client.query(`INSERT INTO repos (repo_key, name, path) VALUES ($1, $2, $3)
      ON CONFLICT (repo_key) DO UPDATE SET name = excluded.name, path = excluded.path`, [id.key, id.name, id.path]);
  });
  const tips = await store.list();
  const known = new Map<string, string>((await client.query({ text: 'SELECT id, tip FROM milestones WHERE repo_key = $1', values: [id.key], rowMode: 'array' })).rows as Array<[string, string]>);
  const moved = new Map<string, Oid>([...tips].filter(([mid, tip]) => force || known.get(mid) !== tip));
  const removed = [...known.keys()].filter((mid) => !tips.has(mid));
  const batch: EntityRows[] = [];
  const flush = async () => {
    const rows = batch.splice(0);
    if (rows.length > 0) await tx(client, id.key, () => writeBatch(client, id.key, rows));
  };
  await readEntities<MilestoneState>(store.storage.objects, store.def.kind, moved, async (mid, r) => {
    batch.push(entityRows(mid, r));
    if (batch.length >= BATCH) await flush();
  });
  await flush();
  await tx(client, id.key, async () => {
    if (removed.length > 0) await client.query('DELETE FROM milestones WHERE repo_key = $1 AND id = ANY($2)', [id.key, removed]);
    await client.query('UPDATE repos SET token = $2, synced_at = now() WHERE repo_key = $1', [id.key, fp.racy ? null : fp.token]);
  });
  report.read = moved.size;
  report.removed = removed.length;
  return report;
}
