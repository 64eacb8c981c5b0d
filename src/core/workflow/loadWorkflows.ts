/**
 * Every workflow this repository knows: the built-in ones (domain/workflow/builtin.ts), then one
 * per `.milestones/workflows/<name>.yaml` (or .yml) of the work tree, each checked by
 * checkWorkflowFile. A file with errors defines nothing: it is reported in `files` with its issues,
 * and the other workflows stay usable. A template_file is read only from inside the workflows
 * folder (a symlink out of it counts as missing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigIssue } from '../../config/types';
import { BUILTIN_WORKFLOWS } from '../../domain/workflow/builtin';
import type { WorkflowDef } from '../../domain/workflow/types';
import type { Context } from '../context';
import { milestonesDir } from '../config/settingsFile';
import { checkWorkflowFile } from './checkWorkflowFile';

export interface WorkflowFileReport {
  /** Repository-relative path (absolute when outside the work tree). */
  file: string;
  name: string;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

export interface LoadedWorkflows {
  workflows: WorkflowDef[];
  files: WorkflowFileReport[];
}

/** The workflows folder, and how a path in it is shown. */
export function workflowsDir(ctx: Context): { dir: string; display: (abs: string) => string } | null {
  const base = milestonesDir(ctx);
  if (base === null) return null;
  const display = (abs: string): string => {
    const rel = ctx.repo.workTree ? path.relative(ctx.repo.workTree, abs) : abs;
    return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
  };
  return { dir: path.join(base, 'workflows'), display };
}

/** Reads `rel` inside `dir`, refusing anything whose real path leaves it; null when missing. */
export function readInside(dir: string, rel: string): string | null {
  try {
    const real = fs.realpathSync(path.join(dir, rel));
    const root = fs.realpathSync(dir);
    if (!real.startsWith(root + path.sep)) return null;
    return fs.readFileSync(real, 'utf8');
  } catch {
    return null;
  }
}

/** The issue of a file that exists but cannot be read. */
export const unreadable = (file: string, e: unknown): ConfigIssue =>
  ({ file, path: '', message: `cannot read: ${(e as Error).message}`, severity: 'error' });

/** Checks one workflow file of the work tree. */
export function checkWorkflowPath(
  abs: string, display: string, dir: string,
): WorkflowFileReport & { workflow?: WorkflowDef } {
  const name = path.basename(abs).replace(/\.ya?ml$/, '');
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    return { file: display, name, errors: [unreadable(display, e)], warnings: [] };
  }
  const check = checkWorkflowFile({ file: display, text, readTemplate: (rel) => readInside(dir, rel) });
  return { file: display, name, errors: check.errors, warnings: check.warnings, workflow: check.workflow };
}

export function loadWorkflows(ctx: Context): LoadedWorkflows {
  const out: LoadedWorkflows = { workflows: [...BUILTIN_WORKFLOWS], files: [] };
  const where = workflowsDir(ctx);
  if (where === null) return out;
  let names: string[];
  try {
    names = fs.readdirSync(where.dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    const abs = path.join(where.dir, n);
    const { workflow, ...report } = checkWorkflowPath(abs, where.display(abs), where.dir);
    if (workflow && out.workflows.some((w) => w.name === workflow.name)) {
      const message = `workflow ${workflow.name} is defined twice (.yaml and .yml)`;
      report.errors.push({ file: report.file, path: '', message, severity: 'error' });
    } else if (workflow) out.workflows.push(workflow);
    out.files.push(report);
  }
  return out;
}
