/**
 * Reads task-master's `tasks.json` into a plan: `<root>/.taskmaster/tasks/tasks.json` and the
 * legacy `<root>/tasks/tasks.json` (a project may hold both, with different tasks: both come in),
 * or `--path` straight to `.taskmaster/`, `tasks/` or the file. The milestones are named after
 * the project (`global.projectName` of .taskmaster/config.json or .taskmasterconfig, else the
 * project folder); a file that is not task-master's shape is reported, not imported.
 */
import * as path from 'node:path';
import type { SourcePlan } from '../../../import/plan';
import { parseTaskMaster, tagGroups } from '../../../import/taskmaster/parseTasks';
import type { Context } from '../../context';
import { isFile, SourceReader } from './sourceFiles';

/** The tasks.json files under a project root (or the tool folder or file given directly). */
export function taskMasterFiles(root: string): string[] {
  if (path.basename(root) === 'tasks.json' && isFile(root)) return [root];
  const candidates = path.basename(root) === '.taskmaster' ? [path.join(root, 'tasks', 'tasks.json')]
    : path.basename(root) === 'tasks' ? [path.join(root, 'tasks.json')]
      : [path.join(root, '.taskmaster', 'tasks', 'tasks.json'), path.join(root, 'tasks', 'tasks.json')];
  return candidates.filter(isFile);
}

/** Whether a project holds a task-master file (the shape checked, so a look-alike is not taken). */
export function hasTaskMaster(reader: SourceReader, root: string): boolean {
  return taskMasterFiles(root).some((f) => {
    try {
      return tagGroups(JSON.parse(reader.text(f) ?? '')) !== null;
    } catch {
      return false;
    }
  });
}

/** The names task-master writes when the user gave none. */
const DEFAULT_NAMES = new Set(['task master', 'taskmaster', 'task-master']);

function projectName(reader: SourceReader, project: string): string {
  const configs = [path.join(project, '.taskmaster', 'config.json'), path.join(project, '.taskmasterconfig')];
  for (const f of configs) {
    if (!isFile(f)) continue;
    let g: unknown;
    try {
      g = (JSON.parse(reader.text(f) ?? '') as { global?: unknown } | null)?.global;
    } catch {
      continue;
    }
    const name = g && typeof g === 'object' ? (g as Record<string, unknown>).projectName : null;
    const n = typeof name === 'string' ? name.trim() : '';
    if (n && !DEFAULT_NAMES.has(n.toLowerCase())) return n;
  }
  return path.basename(project);
}

export function readTaskMaster(ctx: Context, root: string): SourcePlan {
  const reader = new SourceReader(ctx, root);
  const plan: SourcePlan = {
    format: 'task-master', root, milestones: [], problems: reader.problems, notes: [],
  };
  const files = taskMasterFiles(root);
  if (files.length === 0) {
    const message = 'no .taskmaster/tasks/tasks.json or tasks/tasks.json here';
    plan.problems.push({ file: reader.key(root), message });
    return plan;
  }
  for (const abs of files) {
    const text = reader.text(abs);
    if (text === undefined) continue;
    const up = path.dirname(path.dirname(abs));
    const project = path.basename(up) === '.taskmaster' ? path.dirname(up) : up;
    const r = parseTaskMaster(reader.key(abs), text, projectName(reader, project));
    const rel = path.relative(project, abs).split(path.sep).join('/');
    if (files.length > 1) for (const m of r.milestones) m.title += ` (${rel})`;
    plan.milestones.push(...r.milestones);
    plan.problems.push(...r.problems);
  }
  return plan;
}
