/**
 * Reads a Backlog.md folder into a plan: `<root>/backlog/` (or `--path` straight to it). Task files
 * come from tasks/ (with sub-folders such as ariadne's `tasks/epics/<epic>/`), completed/, drafts/
 * and archive/{tasks,drafts}/; milestones from milestones/ and archive/milestones/. Readmes, docs,
 * decisions and free documents in drafts/ (no front matter and no task id in the name) are not
 * tasks. The source is named after config.yml's project_name, else the project folder.
 */
import * as path from 'node:path';
import {
  buildBacklog, type BacklogArea, type BacklogEntry, type BacklogSource,
} from '../../../import/backlog/buildPlan';
import { idOfName, readFrontMatter, text as str } from '../../../import/backlog/taskFile';
import { parseYaml } from '../../../legacy/parseText';
import type { SourcePlan } from '../../../import/plan';
import type { Context } from '../../context';
import { filesIn, isDir, isFile, SourceReader, subDirs } from './sourceFiles';

const AREAS: Array<[string, BacklogArea]> = [
  ['tasks', 'tasks'], ['completed', 'completed'], ['drafts', 'drafts'],
  ['archive/tasks', 'archive'], ['archive/drafts', 'archive'],
];

/** The backlog folder under a project root (or the root itself when it is one), or null. */
export function backlogDir(root: string): string | null {
  const has = (d: string): boolean => isDir(path.join(d, 'tasks')) || isFile(path.join(d, 'config.yml'));
  if (isDir(path.join(root, 'backlog')) && has(path.join(root, 'backlog'))) return path.join(root, 'backlog');
  return path.basename(root) === 'backlog' && has(root) ? root : null;
}

function markdown(dir: string, deep: boolean): string[] {
  const here = filesIn(dir).filter((f) => f.endsWith('.md') && !/^readme\.md$/i.test(f))
    .map((f) => path.join(dir, f));
  return deep ? [...here, ...subDirs(dir).flatMap((d) => markdown(path.join(dir, d), true))] : here;
}

function projectName(reader: SourceReader, dir: string): string {
  const cfg = path.join(dir, 'config.yml');
  const t = isFile(cfg) ? reader.text(cfg) : undefined;
  const r = t === undefined ? null : parseYaml(reader.key(cfg), t);
  const value = r?.ok ? r.value : null;
  const isMap = value && typeof value === 'object' && !Array.isArray(value);
  const name = isMap ? str(value.project_name).trim() : '';
  return name || path.basename(path.dirname(dir));
}

export function readBacklog(ctx: Context, root: string): SourcePlan {
  const reader = new SourceReader(ctx, root);
  const plan: SourcePlan = { format: 'backlog', root, milestones: [], problems: reader.problems, notes: [] };
  const dir = backlogDir(root);
  if (!dir) {
    plan.problems.push({ file: reader.key(root), message: 'no backlog/ folder here' });
    return plan;
  }
  const src: BacklogSource = {
    key: reader.key(dir), title: projectName(reader, dir), tasks: [], milestones: [],
  };
  for (const [sub, area] of AREAS) {
    for (const abs of markdown(path.join(dir, sub), sub === 'tasks')) {
      const t = reader.text(abs);
      if (t === undefined) continue;
      const file = reader.key(abs);
      const parsed = readFrontMatter(file, t);
      const name = path.basename(abs);
      if (!parsed.hasFront && !idOfName(name)) continue;
      if (parsed.problem) plan.problems.push(parsed.problem);
      src.tasks.push({ file, name, area, parsed: { ...parsed, problem: null } } satisfies BacklogEntry);
    }
  }
  for (const [sub, archived] of [['milestones', false], ['archive/milestones', true]] as const) {
    for (const abs of markdown(path.join(dir, sub), false)) {
      const t = reader.text(abs);
      const file = reader.key(abs);
      if (t !== undefined) src.milestones.push({ file, archived, parsed: readFrontMatter(file, t) });
    }
  }
  const built = buildBacklog(src);
  plan.milestones = built.milestones;
  plan.notes.push(...built.notes);
  return plan;
}
