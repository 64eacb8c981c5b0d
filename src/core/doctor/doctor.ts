/**
 * `git milestone doctor [--fix] [--report]`: checks every entity, fetched ones not yet merged,
 * the index against the refs, the settings, the installed hooks, lock files and aliases. Healthy
 * means no error is left. --fix repairs what is derived: it removes stale locks and refs an
 * interrupted restore left under refs/restore/, and rebuilds the file index, and the SQLite index
 * when `PRAGMA integrity_check` finds it damaged, and releases claims whose lease lapsed. It never
 * rewrites a data ref: a damaged one is reported with the command that shows it.
 * --report adds a diagnostic report for bug reports (diagnosticReport.ts).
 */
import * as fs from 'node:fs';
import type { Context } from '../context';
import { configValidate } from '../config/configValidate';
import { clearRestoreLeftovers, RESTORE_PREFIX, restoreLeftovers } from '../backup/restoreLeftovers';
import { checkClaims, fixLapsedClaims } from './checkClaims';
import { checkEntities } from './checkEntities';
import { checkHooks } from './checkHooks';
import { checkIncoming } from './checkIncoming';
import { checkIndex } from './checkIndex';
import { checkLocks } from './checkLocks';
import { checkSqlite, rebuildSqlite } from './checkSqlite';
import { checkOverdue } from '../workflow/checkOverdue';
import { diagnosticReport, type DiagnosticReport } from './diagnosticReport';
import type { CheckName, CheckSummary, DoctorProblem, EntityCounts } from './types';

export interface DoctorResult {
  healthy: boolean;
  checks: CheckSummary[];
  problems: DoctorProblem[];
  counts: EntityCounts;
  report?: DiagnosticReport;
}

async function configProblems(ctx: Context): Promise<DoctorProblem[]> {
  const r = await configValidate(ctx, {});
  return [...r.errors.map((i) => ['error', i] as const), ...r.warnings.map((i) => ['warning', i] as const)].map(([severity, i]) => ({
    check: 'config' as const, severity, fixable: false,
    message: `${i.file ?? i.source ?? ''}${i.line ? `:${i.line}` : ''}${i.file ?? i.source ? ': ' : ''}${i.path ? `${i.path}: ` : ''}${i.message}`,
    hint: 'Fix the setting; `git milestone config validate` shows every issue and `config show --origin` where values come from.',
  }));
}

/** Refs an interrupted restore left under refs/restore/ (restoreLeftovers.ts). */
async function leftoverProblems(ctx: Context): Promise<DoctorProblem[]> {
  return [...(await restoreLeftovers(ctx))].map(([ns, refs]) => ({
    check: 'remotes' as const, severity: 'warning' as const, fixable: true, ref: `${RESTORE_PREFIX}${ns}/`,
    message: `${refs.length} ref${refs.length === 1 ? '' : 's'} under ${RESTORE_PREFIX}${ns}/ left by an interrupted restore`,
    hint: 'They keep objects alive and are of no use; `git milestone doctor --fix` deletes them (your milestones are not touched).',
  }));
}

async function fix(ctx: Context, problems: DoctorProblem[]): Promise<void> {
  for (const p of problems.filter((x) => x.check === 'locks' && x.fixable && x.path)) {
    fs.rmSync(p.path as string, { force: true });
    p.fixed = true;
  }
  const leftovers = problems.filter((x) => x.check === 'remotes' && x.fixable && x.ref?.startsWith(RESTORE_PREFIX));
  if (leftovers.length > 0 && (await clearRestoreLeftovers(ctx)) > 0) for (const p of leftovers) p.fixed = true;
  const index = problems.filter((x) => x.check === 'index' && x.fixable);
  if (index.length === 0) return;
  const sqlite = index.filter((p) => p.path?.endsWith('index.db'));
  if (sqlite.length > 0) await rebuildSqlite(ctx);
  if (sqlite.length < index.length) await ctx.index.rebuild();
  const left = new Set([...(await checkIndex(ctx)), ...checkSqlite(ctx)].map((p) => p.message));
  for (const p of index) p.fixed = !left.has(p.message);
  ctx.env.log.info('doctor rebuilt the index', { problems: index.length, sqlite: sqlite.length > 0 });
}

export async function doctor(ctx: Context, o: { fix?: boolean; report?: boolean } = {}): Promise<DoctorResult> {
  const entities = await checkEntities(ctx);
  const problems = [...entities.problems, ...(await checkIncoming(ctx)), ...(await leftoverProblems(ctx)), ...checkLocks(ctx), ...(await checkIndex(ctx)), ...checkSqlite(ctx), ...(await configProblems(ctx)), ...(await checkHooks(ctx)), ...(await checkOverdue(ctx)), ...(await checkClaims(ctx))];
  if (o.fix) await fix(ctx, problems);
  if (o.fix) await fixLapsedClaims(ctx, problems);
  const c = entities.counts;
  const what: Record<CheckName, string> = {
    entities: `${c.milestones} milestones, ${c.tasks} tasks, ${c.operations} operations (${c.conflicts} conflicts)${
      Object.entries(c.kinds ?? {}).map(([k, n]) => `, ${n} ${k}${n === 1 ? '' : 's'}`).join('')}`,
    remotes: 'fetched milestones merged into the local ones',
    index: 'the index against the refs (and SQLite integrity_check)',
    config: 'settings files and layers',
    hooks: 'installed hooks',
    locks: 'lock files under refs/milestones and the index',
    aliases: 'aliases claimed by one milestone each',
    workflow: 'phases open past their timeout (workflow file, else kiro_workflow.phase_timeout)',
    claims: 'claims whose lease lapsed',
  };
  const checks = (Object.keys(what) as CheckName[]).map((name) => ({
    name, summary: what[name], ok: !problems.some((p) => p.check === name && p.severity === 'error' && !p.fixed),
  }));
  const healthy = checks.every((x) => x.ok);
  ctx.env.log.info('doctor', { healthy, problems: problems.length, fixed: problems.filter((p) => p.fixed).length });
  return { healthy, checks, problems, counts: c, ...(o.report ? { report: await diagnosticReport(ctx, c) } : {}) };
}
