/**
 * Reads across every repository in the portfolio database: the repositories, the milestone
 * summaries that may pass a query (narrowed in SQL by prefilter.ts; the caller filters exactly in
 * the domain), and the tasks that cannot move: blocked ones and pending ones waiting on an
 * unfinished task.
 */
import type { Client } from 'pg';
import type { MilestoneSummary, SummaryFilter } from '../../domain/query';
import { prefilter } from '../model/prefilter';
import { pgDialect } from './PgIndex';

export interface RepoRow {
  key: string;
  name: string;
  path: string;
  syncedAt: string | null;
}

export interface StuckTask {
  repoKey: string;
  milestoneId: string;
  taskId: string;
  title: string;
  assignee: string | null;
  status: string;
  /** Unfinished tasks it depends on. */
  waitingOn: number;
}

export async function readRepos(client: Client): Promise<RepoRow[]> {
  const r = await client.query('SELECT repo_key, name, path, synced_at FROM repos ORDER BY name COLLATE "C", repo_key COLLATE "C"');
  return r.rows.map((x) => ({ key: x.repo_key, name: x.name, path: x.path, syncedAt: x.synced_at ? new Date(x.synced_at).toISOString() : null }));
}

/** repo key → summaries that may pass `filter`, in default order. */
export async function readCandidates(client: Client, filter: SummaryFilter): Promise<Map<string, MilestoneSummary[]>> {
  const params: unknown[] = [];
  const where = prefilter(filter, pgDialect(params));
  const r = await client.query({
    text: `SELECT m.repo_key, m.summary FROM milestones m WHERE ${where.join(' AND ')} ORDER BY m.repo_key, m.created_at COLLATE "C", m.id COLLATE "C"`,
    values: params,
    rowMode: 'array',
  });
  const out = new Map<string, MilestoneSummary[]>();
  for (const [key, summary] of r.rows as Array<[string, string]>) {
    if (!out.has(key)) out.set(key, []);
    (out.get(key) as MilestoneSummary[]).push(JSON.parse(summary) as MilestoneSummary);
  }
  return out;
}

export async function readStuckTasks(client: Client): Promise<StuckTask[]> {
  const r = await client.query(`
    SELECT t.repo_key, t.milestone_id, t.id, t.title, t.assignee, t.status,
      (SELECT count(*) FROM dependencies d JOIN tasks u ON u.repo_key = d.repo_key AND u.id = d.to_id
        WHERE d.repo_key = t.repo_key AND d.milestone_id = t.milestone_id AND d.kind = 'task' AND d.from_id = t.id
          AND u.deleted = FALSE AND u.status NOT IN ('completed', 'cancelled'))::int AS waiting_on
    FROM tasks t JOIN milestones m ON m.repo_key = t.repo_key AND m.id = t.milestone_id
    WHERE t.deleted = FALSE AND m.deleted = FALSE AND m.error IS NULL AND t.status IN ('blocked', 'pending')
    ORDER BY t.repo_key, t.milestone_id, t.created_at COLLATE "C", t.id COLLATE "C"`);
  return r.rows
    .map((x) => ({ repoKey: x.repo_key, milestoneId: x.milestone_id, taskId: x.id, title: x.title, assignee: x.assignee, status: x.status, waitingOn: x.waiting_on }))
    .filter((t) => t.status === 'blocked' || t.waitingOn > 0);
}
