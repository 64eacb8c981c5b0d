/**
 * What the board's pages read. Every answer is a core use case's result as the CLI's `--json`
 * prints it (same views, same schemas): a page of `list`, `show` (with its claims, as the command
 * adds them), `report`, `review --pending`, `session list`, the claims (claim-list.schema.json).
 * The burndown is the report's own SVG chart (core/report/charts). Only the milestone dependency
 * graph, which no command prints, has a shape of its own ({milestones: [{id, title, dependsOn}]}).
 */
import type { Context } from '../core/context';
import { milestoneGraph } from '../core/milestoneGraph';
import { reportCharts } from '../core/report/charts/reportCharts';
import { milestoneReport } from '../core/report/milestoneReport';
import { milestonePage } from '../core/serve/milestonePage';
import { showMilestone } from '../core/showMilestone';
import { pendingReviews } from '../core/workflow/pendingReviews';
import { resolveMilestone } from '../core/resolveMilestone';
import { listSessions } from '../core/session/listSessions';
import { listClaims } from '../core/claim/listClaims';

export type Reply =
  | { json: unknown; headers?: Record<string, string> }
  | { type: string; body: string };

type Body = Record<string, unknown>;

export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /** Changes the refs: refused unless the server runs with --write. */
  writes?: boolean;
  run(ctx: Context, m: RegExpExecArray, url: URL, body: () => Promise<Body>): Promise<Reply>;
}

const ID = '([^/]+)';
const int = (url: URL, name: string, dflt: number): number => {
  const v = url.searchParams.get(name);
  return v === null || v === '' ? dflt : Number(v);
};

export const READ_ROUTES: Route[] = [
  {
    method: 'GET', path: /^\/api\/milestones$/,
    async run(ctx, _m, url) {
      const q = (url.searchParams.get('q') ?? '').split(/\s+/).filter(Boolean);
      const all = url.searchParams.get('all') === '1';
      const range = { offset: int(url, 'offset', 0), limit: int(url, 'limit', 50) };
      const page = await milestonePage(ctx, { query: q, all, ...range });
      const headers = { 'X-Total-Count': String(page.total), 'X-Offset': String(page.offset) };
      return { json: page.items, headers };
    },
  },
  {
    method: 'GET', path: new RegExp(`^/api/milestones/${ID}$`),
    async run(ctx, m) {
      const shown = await showMilestone(ctx, { id: decodeURIComponent(m[1]) });
      const claims = await listClaims(ctx, { milestone: shown.id });
      return { json: claims.length > 0 ? { ...shown, claims } : shown };
    },
  },
  {
    method: 'GET', path: new RegExp(`^/api/milestones/${ID}/report$`),
    run: async (ctx, m) => ({ json: await milestoneReport(ctx, { id: decodeURIComponent(m[1]) }) }),
  },
  {
    method: 'GET', path: new RegExp(`^/api/milestones/${ID}/burndown\\.svg$`),
    async run(ctx, m) {
      const report = await milestoneReport(ctx, { id: decodeURIComponent(m[1]) });
      return { type: 'image/svg+xml', body: reportCharts(report).burndown };
    },
  },
  {
    method: 'GET', path: new RegExp(`^/api/milestones/${ID}/graph$`),
    async run(ctx, m) {
      const id = await resolveMilestone(ctx, decodeURIComponent(m[1]));
      const g = await milestoneGraph(ctx, [id]);
      const milestones = [...g.edges].map(([from, deps]) => ({
        id: from, title: g.titles.get(from) ?? '', dependsOn: deps,
      }));
      return { json: { milestones } };
    },
  },
  {
    method: 'GET', path: /^\/api\/reviews$/,
    run: async (ctx) => ({ json: await pendingReviews(ctx, { mine: false }) }),
  },
  {
    method: 'GET', path: /^\/api\/claims$/,
    run: async (ctx) => ({ json: await listClaims(ctx) }),
  },
  {
    method: 'GET', path: /^\/api\/sessions$/,
    async run(ctx, _m, url) {
      return { json: await listSessions(ctx, { active: url.searchParams.get('all') !== '1' }) };
    },
  },
];
