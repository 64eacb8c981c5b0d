/**
 * Deliverables in the work tree: their paths (the workflow's, `{{milestone}}/{{task}}/{{phase}}`
 * filled with slugs, or those given with `--deliverable`), refused when outside the work tree
 * (absolute, `..`, or through a symlink); created from the template when missing; and their git
 * blob ids, computed by the object store (the content is kept, so an approved version can be read).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { slugify } from '../../domain/branchName';
import type { MilestoneState, TaskState } from '../../domain/types';
import type { DeliverableDef, WorkflowDef } from '../../domain/workflow/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';

export interface DeliverableSpec {
  path: string;
  required: boolean;
  template?: string;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => vars[k] ?? m);
}

const DEFAULT_DELIVERABLE: DeliverableDef = {
  path: 'docs/milestones/{{milestone}}/{{task}}/{{phase}}.md',
  required: true,
  template: '# {{title}}: {{phase}}\n\n',
};

export function deliverableSpecs(
  def: WorkflowDef | null, phase: string, m: MilestoneState, t: TaskState, given: string[],
): DeliverableSpec[] {
  if (given.length > 0) return given.map((p) => ({ path: p, required: true }));
  const vars = {
    milestone: slugify(m.title) || m.id.slice(0, 8),
    task: slugify(t.title) || t.id.slice(0, 8),
    phase,
    title: t.title,
  };
  const found = def?.phases.find((p) => p.name === phase);
  const defs: DeliverableDef[] = found?.deliverables ?? [DEFAULT_DELIVERABLE];
  return defs.map((d) => ({
    path: fill(d.path, vars), required: d.required, template: d.template && fill(d.template, vars),
  }));
}

/** The absolute path of a work-tree-relative deliverable; INVALID_INPUT when it leaves the work tree. */
export function insideWorkTree(ctx: Context, rel: string): string {
  const root = ctx.repo.workTree;
  if (!root) {
    const message = 'deliverables live in a work tree, and this is a bare repository';
    throw new MilestoneError('NEEDS_WORK_TREE', message);
  }
  const refuse = (why: string) => new MilestoneError(
    'INVALID_INPUT', `deliverable ${JSON.stringify(rel)} is outside the work tree (${why})`,
    { hint: 'Give a path relative to the top of the work tree, without `..`.', data: { path: rel } },
  );
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) throw refuse('absolute path');
  if (rel.split(/[\\/]+/).includes('..')) throw refuse('`..`');
  const abs = path.join(root, rel);
  const realRoot = fs.realpathSync(root);
  let probe = abs;
  while (!fs.existsSync(probe) && probe !== root) probe = path.dirname(probe);
  const real = fs.realpathSync(probe);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw refuse('through a symlink');
  return abs;
}

/** Creates missing deliverables from their templates; returns the paths created. */
export function createFromTemplates(ctx: Context, specs: DeliverableSpec[]): string[] {
  const created: string[] = [];
  for (const s of specs) {
    const abs = insideWorkTree(ctx, s.path);
    if (fs.existsSync(abs) || s.template === undefined) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, s.template, { flag: 'wx' });
    created.push(s.path);
  }
  return created;
}

/** Blob ids of the deliverables (refusing a missing or empty required one, naming it). */
export async function recordBlobs(
  ctx: Context, specs: DeliverableSpec[],
): Promise<Array<{ path: string; blob: string }>> {
  const out: Array<{ path: string; blob: string }> = [];
  for (const s of specs) {
    const abs = insideWorkTree(ctx, s.path);
    const content = fs.existsSync(abs) && fs.statSync(abs).isFile() ? fs.readFileSync(abs) : null;
    const text = content?.toString('utf8');
    if (content === null || text!.trim() === '' || text === s.template) {
      if (!s.required) continue;
      const what = content === null ? 'missing'
        : text!.trim() === '' ? 'empty' : 'still the unfilled template';
      throw new MilestoneError('INVALID_INPUT', `deliverable ${s.path} is ${what}`, {
        hint: 'Write it (phase start creates it from the template), then submit again.',
        data: { path: s.path },
      });
    }
    out.push({ path: s.path, blob: await ctx.storage.objects.writeBlob(content) });
  }
  return out;
}

/** path → blob id of each file now (absent when missing or outside the work tree). */
export async function currentBlobs(ctx: Context, paths: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (!ctx.repo.workTree) return map;
  for (const p of new Set(paths)) {
    try {
      const abs = insideWorkTree(ctx, p);
      if (fs.existsSync(abs) && fs.statSync(abs).isFile()) {
        map.set(p, await ctx.storage.objects.writeBlob(fs.readFileSync(abs)));
      }
    } catch { /* a path that cannot be read counts as changed */ }
  }
  return map;
}
