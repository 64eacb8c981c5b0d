/**
 * `git milestone portfolio [QUERY]`: every repository mirrored into the PostgreSQL portfolio
 * database, this one synced first: progress per repository and milestone, tasks that cannot move
 * (blocked, or waiting on unfinished tasks), and milestones due within `days` (overdue included).
 * The query language is the one of `list`, applied per repository by the domain.
 */
import { filterSummaries, type MilestoneSummary, type SummaryFilter } from '../domain/query';
import type { Context } from './context';
import { openPostgres } from './openBackendIndex';

export interface PortfolioMilestone {
  id: string; title: string; status: string; progress: number; taskCount: number; doneCount: number;
  blockedCount: number; dueDate: string | null; labels: string[];
}
export interface PortfolioRepo {
  key: string; name: string; path: string; syncedAt: string | null;
  milestoneCount: number; taskCount: number; doneCount: number; progress: number;
  milestones: PortfolioMilestone[];
}
export interface PortfolioResult {
  generatedAt: string;
  days: number;
  repositories: PortfolioRepo[];
  blockedTasks: Array<{ repository: string; repoKey: string; milestoneId: string; milestoneTitle: string; taskId: string; title: string; assignee: string | null; status: string; waitingOn: number }>;
  dueSoon: Array<{ repository: string; repoKey: string; milestoneId: string; title: string; dueDate: string; status: string; progress: number; overdue: boolean }>;
}

const DONE = ['completed', 'cancelled', 'archived'];

export async function portfolio(ctx: Context, o: { filter: SummaryFilter; days?: number }): Promise<PortfolioResult> {
  filterSummaries([], o.filter);
  const days = o.days ?? 14;
  const now = ctx.env.clock();
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const pg = await openPostgres(ctx);
  try {
    await pg.refresh();
    const q = require('../index/postgres/portfolioQuery') as typeof import('../index/postgres/portfolioQuery');
    const [repos, candidates, stuck] = [await q.readRepos(pg.client), await q.readCandidates(pg.client, o.filter), await q.readStuckTasks(pg.client)];
    const result: PortfolioResult = { generatedAt: now.toISOString(), days, repositories: [], blockedTasks: [], dueSoon: [] };
    const kept = new Map<string, MilestoneSummary>();
    for (const r of repos) {
      const list = filterSummaries(candidates.get(r.key) ?? [], o.filter);
      for (const s of list) kept.set(`${r.key} ${s.id}`, s);
      const taskCount = list.reduce((n, s) => n + s.taskCount, 0);
      const doneCount = list.reduce((n, s) => n + s.doneCount, 0);
      const progress = list.length ? Math.round(list.reduce((n, s) => n + s.progress, 0) / list.length) : 0;
      const milestones = list.map((s) => ({ id: s.id, title: s.title, status: s.status, progress: s.progress, taskCount: s.taskCount, doneCount: s.doneCount, blockedCount: s.blockedCount, dueDate: s.dueDate, labels: s.labels }));
      result.repositories.push({ ...r, milestoneCount: list.length, taskCount, doneCount, progress, milestones });
      for (const s of list) {
        const due = s.dueDate?.slice(0, 10);
        if (due && due <= horizon && !DONE.includes(s.status)) {
          result.dueSoon.push({ repository: r.name, repoKey: r.key, milestoneId: s.id, title: s.title, dueDate: s.dueDate as string, status: s.status, progress: s.progress, overdue: due < today });
        }
      }
    }
    const nameOf = new Map(repos.map((r) => [r.key, r.name]));
    for (const t of stuck) {
      const m = kept.get(`${t.repoKey} ${t.milestoneId}`);
      if (m) result.blockedTasks.push({ repository: nameOf.get(t.repoKey) ?? t.repoKey, ...t, milestoneTitle: m.title });
    }
    result.dueSoon.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.repository < b.repository ? -1 : 1));
    return result;
  } finally {
    await pg.close();
  }
}
