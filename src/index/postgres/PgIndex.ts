/**
 * The PostgreSQL index: this repository's rows in the shared portfolio database (pgSchema.ts),
 * kept in line with the refs by syncPg. Answers `list --backend postgresql` with the same rows as
 * every other backend; `portfolio` reads across repositories (portfolioQuery.ts).
 */
import type { Client } from 'pg';
import type { MilestoneSummary, SummaryFilter } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import type { RepoInfo } from '../../storage/git/types';
import type { ListRow, MilestoneIndex, RefreshReport, TaskLocation } from '../MilestoneIndex';
import { prefilter } from '../model/prefilter';
import { pgConnect } from './pgConnect';
import { repoIdentity, type RepoIdentity } from './repoKey';
import { syncPg } from './syncPg';
import { rowCounts, type RowCounts } from '../shared/rowCounts';
import { answerList, type SummaryList } from '../shared/summaryList';

export interface PgIndexOptions {
  url: string;
  repo: RepoInfo;
  /** `<git-common-dir>/milestones` (holds repo-id). */
  dataDir: string;
  store: EntityStore<MilestoneState>;
}

/** A dialect for prefilter.ts: `$n` placeholders; every child table is scoped to the repository. */
export function pgDialect(params: unknown[]) {
  const param = (v: unknown) => (params.push(v), `$${params.length}`);
  return {
    param,
    scope: (a: string) => ` AND ${a}.repo_key = m.repo_key`,
    bool: (v: boolean) => (v ? 'TRUE' : 'FALSE'),
    text: (needle: string) => {
      const p = param(needle);
      return `(strpos(lower(m.title COLLATE "C"), ${p}) > 0 OR strpos(lower(m.description COLLATE "C"), ${p}) > 0
        OR EXISTS (SELECT 1 FROM aliases a WHERE a.repo_key = m.repo_key AND a.milestone_id = m.id AND strpos(lower(a.alias COLLATE "C"), ${p}) > 0))`;
    },
  };
}

export class PgIndex implements MilestoneIndex {
  private constructor(readonly client: Client, readonly identity: RepoIdentity, private readonly store: EntityStore<MilestoneState>) {}

  static async connect(o: PgIndexOptions): Promise<PgIndex> {
    const identity = repoIdentity(o.repo, o.dataDir);
    return new PgIndex(await pgConnect(o.url), identity, o.store);
  }

  async list(filter: SummaryFilter): Promise<SummaryList> {
    return answerList(this, filter);
  }

  async counts(): Promise<RowCounts> {
    return rowCounts(await this.rows());
  }

  async rows(): Promise<ListRow[]> {
    return this.candidates({ all: true });
  }

  async candidates(filter: SummaryFilter): Promise<ListRow[]> {
    await this.sync(false);
    const params: unknown[] = [this.identity.key];
    const where = ['m.repo_key = $1', ...prefilter(filter, pgDialect(params))];
    const r = await this.client.query({
      text: `SELECT m.id, m.status, m.archived, m.created_at, m.summary FROM milestones m WHERE ${where.join(' AND ')} ORDER BY m.created_at COLLATE "C", m.id COLLATE "C"`,
      values: params,
      rowMode: 'array',
    });
    return (r.rows as Array<[string, string, boolean, string, string]>).map(([id, status, archived, createdAt, summary]) => {
      const body = Buffer.from(summary, 'utf8');
      return { id, status, archived, createdAt, body, start: 0, end: body.length };
    });
  }

  async summaries(): Promise<MilestoneSummary[]> {
    return (await this.rows()).map((r) => JSON.parse(r.body.toString('utf8')) as MilestoneSummary);
  }

  async findMilestones(prefix: string): Promise<string[]> {
    await this.sync(false);
    const r = await this.client.query(`SELECT id FROM milestones WHERE repo_key = $1 AND starts_with(id, $2)
      UNION SELECT milestone_id FROM aliases WHERE repo_key = $1 AND alias = $2 ORDER BY 1`, [this.identity.key, prefix]);
    return r.rows.map((row) => row.id as string);
  }

  async findTasks(prefix: string): Promise<TaskLocation[]> {
    await this.sync(false);
    const r = await this.client.query(`SELECT id AS "taskId", milestone_id AS "milestoneId" FROM tasks WHERE repo_key = $1 AND starts_with(id, $2) ORDER BY id COLLATE "C"`, [this.identity.key, prefix]);
    return r.rows as TaskLocation[];
  }

  /** A no-op: the next read catches up from the refs. */
  async put(): Promise<void> {}

  async refresh(opts: { force?: boolean } = {}): Promise<RefreshReport> {
    return this.count(await this.sync(Boolean(opts.force)));
  }

  async rebuild(): Promise<RefreshReport> {
    await this.client.query('DELETE FROM repos WHERE repo_key = $1', [this.identity.key]);
    return this.refresh({ force: true });
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private sync(force: boolean): Promise<RefreshReport> {
    return syncPg(this.client, this.identity, this.store, force);
  }

  /** Milestones whose ref cannot be read, for the warning `list` prints (as the other backends). */
  async unreadable(): Promise<Array<{ id: string; message: string }>> {
    await this.sync(false);
    return this.errorRows();
  }

  private async count(report: RefreshReport): Promise<RefreshReport> {
    const r = await this.client.query(
      'SELECT count(*)::int AS n FROM milestones WHERE repo_key = $1 AND error IS NULL',
      [this.identity.key],
    );
    report.total = r.rows[0].n as number;
    report.errors = await this.errorRows();
    return report;
  }

  private async errorRows(): Promise<Array<{ id: string; message: string }>> {
    const r = await this.client.query(
      `SELECT id, error AS message FROM milestones
        WHERE repo_key = $1 AND error IS NOT NULL ORDER BY id COLLATE "C"`,
      [this.identity.key],
    );
    return r.rows as Array<{ id: string; message: string }>;
  }
}
