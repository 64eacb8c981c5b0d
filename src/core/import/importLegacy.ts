/**
 * `git milestone import --from-format legacy`: reads a legacy `.milestones/` folder, maps every
 * milestone not imported before (its legacy id is not an alias yet) onto operations, and writes the
 * new entities (in bulk through `git fast-import` when there are many), then refreshes the index
 * once. Unreadable files and lines are reported by file and line; the rest is imported. Running it
 * again changes nothing; after an interruption it writes only what is missing.
 */
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';
import { readLegacyTree } from '../../legacy/readTree';
import type { Context } from '../context';
import { planLegacy } from './planLegacy';
import { progressBar } from './progressBar';
import { applyPlans, summarizeImport, type ImportResult } from './result';

export interface ImportOptions {
  path?: string;
  dryRun?: boolean;
  /** Force (true) or forbid (false) the fast-import path; default: by count. */
  bulk?: boolean;
}

/**
 * Where the legacy `.milestones/` folder is: `--path` (relative to the current directory), else
 * MILESTONE_DATA_PATH (as the earlier system read it), else `.milestones/` at the top of the work
 * tree. A bare repository has no work tree, so it needs one of the first two.
 */
export function legacyPath(ctx: Context, given: string | undefined): string {
  if (given !== undefined && given !== '') return path.resolve(ctx.env.cwd, given);
  const fromEnv = ctx.env.vars.MILESTONE_DATA_PATH;
  if (fromEnv) return path.resolve(ctx.env.cwd, fromEnv);
  if (!ctx.repo.workTree) {
    throw new MilestoneError('USAGE', 'this repository has no work tree, so there is no default .milestones/ folder', {
      hint: 'Give the folder with --path DIR (or set MILESTONE_DATA_PATH).',
    });
  }
  return path.join(ctx.repo.workTree, '.milestones');
}

/** Every alias of a live milestone → its id (the index is brought up to date first). */
export async function knownAliases(ctx: Context): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of await ctx.index.summaries()) for (const a of s.aliases) if (!out.has(a)) out.set(a, s.id);
  return out;
}

export async function importLegacy(ctx: Context, o: ImportOptions = {}): Promise<ImportResult> {
  const root = legacyPath(ctx, o.path);
  const progress = progressBar(ctx.env);
  const tree = readLegacyTree(root, (done, total) => (done === 1 ? progress.phase('reading', total) : progress.tick(done)));
  const aliases = await knownAliases(ctx);
  progress.phase('mapping', tree.milestones.length);
  const { rows } = planLegacy(tree, aliases, ctx.who().author, (n) => progress.tick(n));
  const { rows: milestones, problems } = await applyPlans(ctx, rows, { dryRun: Boolean(o.dryRun), bulk: o.bulk, progress });
  const all = [...tree.problems, ...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return summarizeImport({ format: 'legacy', path: root, dryRun: Boolean(o.dryRun), problems: all, skipped: tree.skipped }, milestones);
}
