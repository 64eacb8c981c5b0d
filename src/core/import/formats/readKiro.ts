/**
 * Reads Kiro and cc-sdd spec folders into a plan: `<root>/.kiro/specs/<feature>/` (the specs
 * folder may be a symlink, as Kiro users keep it elsewhere), or `--path` straight to `.kiro` or to
 * the specs folder. A folder without spec files is a group (`_archived/`), whose spec folders are
 * read one level down; specs under a folder named like `_archived` or `archive` are archived.
 */
import * as path from 'node:path';
import { readSpecFolder } from '../../../import/kiro/specFolder';
import type { SourceFormat, SourcePlan } from '../../../import/plan';
import type { Context } from '../../context';
import { filesIn, isDir, isFile, SourceReader, subDirs } from './sourceFiles';

const SPEC_FILES = ['requirements.md', 'design.md', 'tasks.md', 'spec.json'];

/** The specs folder under a project root (or the root itself when it is one), or null. */
export function kiroSpecsDir(root: string): string | null {
  if (isDir(path.join(root, '.kiro', 'specs'))) return path.join(root, '.kiro', 'specs');
  if (path.basename(root) === '.kiro' && isDir(path.join(root, 'specs'))) return path.join(root, 'specs');
  const kiroFiles = SPEC_FILES.filter((f) => f !== 'tasks.md');
  const looksLikeSpecs = subDirs(root).some((d) => kiroFiles.some((f) => isFile(path.join(root, d, f))));
  return path.basename(root) !== 'specs' && path.basename(root) !== '.specs' ? null : looksLikeSpecs ? root : null;
}

function isSpecFolder(dir: string): boolean {
  return filesIn(dir).some((f) => SPEC_FILES.includes(f));
}

/** Spec folders (absolute) with whether each is archived. */
export function specFolders(specs: string): Array<{ dir: string; archived: boolean }> {
  const out: Array<{ dir: string; archived: boolean }> = [];
  for (const name of subDirs(specs)) {
    const dir = path.join(specs, name);
    if (isSpecFolder(dir)) out.push({ dir, archived: false });
    else for (const sub of subDirs(dir)) {
      if (isSpecFolder(path.join(dir, sub))) out.push({ dir: path.join(dir, sub), archived: /archiv/i.test(name) });
    }
  }
  return out;
}

/** Whether a specs folder holds cc-sdd specs (a spec.json with approvals). */
export function hasApprovals(reader: SourceReader, specs: string): boolean {
  return specFolders(specs).some(({ dir }) => isFile(path.join(dir, 'spec.json')) && /"approvals"\s*:/.test(reader.text(path.join(dir, 'spec.json')) ?? ''));
}

export function readKiro(ctx: Context, root: string, format: SourceFormat): SourcePlan {
  const reader = new SourceReader(ctx, root);
  const plan: SourcePlan = { format, root, milestones: [], problems: reader.problems, notes: [] };
  const specs = kiroSpecsDir(root);
  if (!specs) {
    plan.problems.push({ file: reader.key(root), message: 'no .kiro/specs folder here' });
    return plan;
  }
  for (const { dir, archived } of specFolders(specs)) {
    const texts: Record<string, string> = {};
    for (const f of SPEC_FILES) {
      if (!isFile(path.join(dir, f))) continue;
      const t = reader.text(path.join(dir, f));
      if (t !== undefined) texts[f] = t;
    }
    const r = readSpecFolder(format, { folder: reader.key(dir), texts, archived });
    plan.milestones.push(r.milestone);
    plan.problems.push(...r.problems);
    plan.notes.push(...r.notes);
  }
  return plan;
}
