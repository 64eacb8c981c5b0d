/**
 * Reads GitHub spec-kit feature folders (`<root>/specs/<feature>/`, dot-prefixed ones too, or
 * `--path` straight to `specs/`) into a plan: one milestone per folder, tasks from tasks.md, and
 * spec.md / plan.md as the documents of the design and spec phases; the user stories of spec.md
 * (`### User Story N - Title (Priority: Pn)`) are kept on the milestone.
 */
import * as path from 'node:path';
import type { PlanDocument, PlanMilestone, SourcePlan } from '../../../import/plan';
import { parseSpecKitTasks } from '../../../import/speckit/parseTasks';
import { frontMatterText, splitLines } from '../../../import/text';
import type { Context } from '../../context';
import { isDir, isFile, SourceReader, subDirs } from './sourceFiles';

const DOCS: Array<[PlanDocument['role'], string]> = [['requirements', 'spec.md'], ['design', 'plan.md'], ['tasks', 'tasks.md']];

export function specKitDir(root: string): string | null {
  const dir = isDir(path.join(root, 'specs')) ? path.join(root, 'specs') : path.basename(root) === 'specs' ? root : null;
  if (!dir) return null;
  return subDirs(dir).some((d) => DOCS.some(([, f]) => isFile(path.join(dir, d, f)))) ? dir : null;
}

function stories(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (spec ?? '').matchAll(/^###\s+User Story\s+(\d+)\s*[-—–:]\s*(.+?)\s*$/gm)) out[`US${m[1]}`] = m[2];
  return out;
}

export function readSpecKit(ctx: Context, root: string): SourcePlan {
  const reader = new SourceReader(ctx, root);
  const plan: SourcePlan = { format: 'spec-kit', root, milestones: [], problems: reader.problems, notes: [] };
  const specs = specKitDir(root);
  if (!specs) {
    plan.problems.push({ file: reader.key(root), message: 'no specs/ folder with spec-kit features here' });
    return plan;
  }
  for (const name of subDirs(specs)) {
    const dir = path.join(specs, name);
    const folder = reader.key(dir);
    const texts: Record<string, string> = {};
    for (const [, f] of DOCS) {
      if (!isFile(path.join(dir, f))) continue;
      const t = reader.text(path.join(dir, f));
      if (t !== undefined) texts[f] = t;
    }
    if (Object.keys(texts).length === 0) continue;
    const documents = DOCS.filter(([, f]) => texts[f] !== undefined).map(([role, f]) => ({ role, file: `${folder}/${f}` }));
    const parsed = texts['tasks.md'] === undefined ? null : parseSpecKitTasks(`${folder}/tasks.md`, texts['tasks.md']);
    if (parsed) plan.notes.push(...parsed.problems);
    const front = texts['tasks.md'] === undefined ? null : frontMatterText(splitLines(texts['tasks.md']));
    const us = stories(texts['spec.md']);
    const title = /^#\s+(?:Feature Specification:\s*)?(.+)$/m.exec(texts['spec.md'] ?? '')?.[1]?.trim() ?? name;
    const milestone: PlanMilestone = {
      key: folder, title: name, description: title === name ? '' : title, archived: /^\.archived|archived/i.test(name),
      files: documents.map((d) => d.file), tasks: parsed?.tasks ?? [], documents, approvals: null,
      fields: { ...(Object.keys(us).length ? { userStories: us } : {}), ...(front ? { frontMatter: front } : {}) },
    };
    plan.milestones.push(milestone);
  }
  return plan;
}
