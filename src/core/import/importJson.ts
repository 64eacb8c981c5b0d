/**
 * `git milestone import --format json --path FILE`: replays the operations of a JSON export
 * (exportJson.ts) so every entity comes back with the same id, authors and times. Entities whose
 * ref exists are left alone (running it twice changes nothing); an entry whose operations do not
 * fold, or whose creating operation does not hash to its id, is reported and the rest imported.
 * The exported state is informative: the state is always folded from the operations, and a
 * difference is reported.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalJson } from '../../domain/canonical';
import { sortOps } from '../../domain/fold';
import { storeOperation } from '../../domain/hash';
import type { Operation } from '../../domain/types';
import { isMilestoneError, MilestoneError } from '../../errors/MilestoneError';
import type { Problem } from '../../legacy/types';
import { JSON_FORMAT, JSON_VERSION } from '../export/exportJson';
import type { Context } from '../context';
import { planEntity } from './planEntity';
import { progressBar } from './progressBar';
import { applyPlans, summarizeImport, type ImportResult, type RowPlan } from './result';

interface Entry {
  id?: unknown;
  ops?: unknown;
  state?: unknown;
}

function readDocument(file: string): Entry[] {
  let doc: { format?: unknown; version?: unknown; milestones?: unknown };
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MilestoneError('INVALID_INPUT', `${file}: cannot read a JSON export (${(e as Error).message})`, { data: { path: file } });
  }
  if (!doc || doc.format !== JSON_FORMAT || doc.version !== JSON_VERSION || !Array.isArray(doc.milestones)) {
    throw new MilestoneError('INVALID_INPUT', `${file}: not a git-milestone JSON export (expected {"format": "${JSON_FORMAT}", "version": ${JSON_VERSION}, "milestones": [...]})`, {
      hint: 'Write one with `git milestone export --format json --path FILE`.',
      data: { path: file },
    });
  }
  return doc.milestones as Entry[];
}

export async function importJson(ctx: Context, o: { path?: string; dryRun?: boolean; bulk?: boolean }): Promise<ImportResult> {
  if (!o.path) throw new MilestoneError('USAGE', 'import --format json needs --path FILE (a file written by `git milestone export --format json`)');
  const file = path.resolve(ctx.env.cwd, o.path);
  const entries = readDocument(file);
  const rel = path.basename(file);
  const problems: Problem[] = [];
  const rows: RowPlan[] = [];
  entries.forEach((e, i) => {
    const where = `milestones[${i}]`;
    try {
      if (typeof e?.id !== 'string' || !Array.isArray(e.ops)) throw new MilestoneError('INVALID_INPUT', 'needs an id and an ops list');
      const ops = sortOps((e.ops as Operation[]).map(storeOperation));
      const create = ops.find((s) => s.hash === e.id);
      if (!create) throw new MilestoneError('INVALID_INPUT', `no operation hashes to its id ${e.id.slice(0, 12)}`);
      const plan = planEntity(create, ops.filter((s) => s !== create && s.hash !== create.hash), false);
      if (e.state !== undefined && canonicalJson(e.state) !== canonicalJson(plan.state)) {
        problems.push({ file: rel, message: `${where}: the exported state differs from the fold of its operations; imported from the operations` });
      }
      const live = plan.state.tasks.filter((t) => !t.deleted).length;
      const pending = { id: plan.id, ref: plan.ref, build: () => plan };
      rows.push({ legacyId: plan.id, file: where, id: plan.id, title: plan.state.title, tasks: live, warnings: [], existing: false, pending });
    } catch (err) {
      if (!isMilestoneError(err)) throw err;
      problems.push({ file: rel, message: `${where}: not imported: ${err.message}` });
    }
  });
  const applied = await applyPlans(ctx, rows, { dryRun: Boolean(o.dryRun), bulk: o.bulk, progress: progressBar(ctx.env) });
  return summarizeImport({ format: 'json', path: file, dryRun: Boolean(o.dryRun), problems: [...problems, ...applied.problems], skipped: [] }, applied.rows);
}
