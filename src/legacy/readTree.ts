/**
 * Reads a legacy `.milestones/` folder: `active/<id>.yaml`, `completed/<id>.yaml` and
 * `completed/<id>/definition.yaml` with its completion files, then the sessions, approvals and
 * event logs that belong to those milestones (attach.ts). A file that cannot be read is a Problem
 * and the rest goes on; parts of the format that are not imported are listed as Skipped.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MilestoneError } from '../errors/MilestoneError';
import { attachFiles } from './attach';
import { LegacyFolder } from './folder';
import { parseJsonLines, parseYaml, parseYamlObject } from './parseText';
import type { Attachments, LegacyMilestone, LegacyTree } from './types';

const YAML_FILE = /\.ya?ml$/;
const COMPLETION_FILES: Record<string, keyof Attachments> = {
  'completion-report.yaml': 'completionReport',
  'lessons-learned.yaml': 'lessonsLearned',
};

/** The legacy id a definition names: its `id` when usable, else the file's base name. */
export function legacyIdOf(doc: Record<string, unknown>, file: string): string {
  const id = doc.id;
  if ((typeof id === 'string' && id.trim() === id && id !== '') || typeof id === 'number') return String(id);
  const base = path.basename(file);
  return (base === 'definition.yaml' ? path.basename(path.dirname(file)) : base).replace(YAML_FILE, '');
}

/** `onProgress(done, total)` is told of each entry of active/ and completed/ read. */
export function readLegacyTree(root: string, onProgress?: (done: number, total: number) => void): LegacyTree {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new MilestoneError('NOT_FOUND', `no legacy data folder at ${root}`, {
      hint: 'Give the folder with --path, or set MILESTONE_DATA_PATH (default: .milestones/ of the work tree).',
      data: { path: root },
    });
  }
  const tree: LegacyTree = { root, milestones: [], problems: [], skipped: [] };
  const folder = new LegacyFolder(root, tree.problems);
  const seen = new Map<string, number>();
  const addMilestone = (rel: string, idFile: string, attachments: Attachments): void => {
    const read = folder.read(rel);
    if (!read) return;
    const parsed = parseYamlObject(rel, folder.decode(rel, read.bytes));
    if (!parsed.ok) return void tree.problems.push(parsed.problem);
    const m: LegacyMilestone = {
      legacyId: legacyIdOf(parsed.value, idFile), file: rel, doc: parsed.value, attachments,
      contentHash: createHash('sha256').update(read.bytes).digest('hex'),
      mtime: new Date(Math.floor(read.mtimeMs / 1000) * 1000).toISOString(),
    };
    const at = seen.get(m.legacyId);
    if (at === undefined) {
      seen.set(m.legacyId, tree.milestones.length);
      tree.milestones.push(m);
      return;
    }
    const earlier = tree.milestones[at];
    const [kept, dropped] = fullness(m) > fullness(earlier) ? [m, earlier] : [earlier, m];
    tree.milestones[at] = kept;
    tree.problems.push({
      file: dropped.file,
      message: `legacy id ${JSON.stringify(m.legacyId)} is also defined by ${kept.file}, which has more in it and is imported; this file is not imported`,
    });
  };
  const active = folder.list('active');
  const completed = folder.list('completed');
  let done = 0;
  const tick = (): void => onProgress?.(++done, active.length + completed.length);
  for (const e of active) {
    if (e.kind === 'file' && YAML_FILE.test(e.name)) addMilestone(`active/${e.name}`, e.name, {});
    else if (e.name !== 'current.txt') tree.skipped.push({ file: `active/${e.name}`, reason: 'not a milestone file' });
    tick();
  }
  for (const e of completed) {
    if (e.kind === 'file' && YAML_FILE.test(e.name)) addMilestone(`completed/${e.name}`, e.name, {});
    else if (e.kind === 'dir') readCompletedDir(tree, folder, `completed/${e.name}`, addMilestone);
    else tree.skipped.push({ file: `completed/${e.name}`, reason: 'not a milestone file' });
    tick();
  }
  attachFiles(tree, folder);
  return tree;
}

/**
 * How much a definition holds, to choose between two files of the same legacy id (a stub beside
 * the full file): its tasks first, then the size of everything else. Ties keep the earlier file.
 */
function fullness(m: LegacyMilestone): number {
  const tasks = Array.isArray(m.doc.tasks) ? m.doc.tasks.length : 0;
  return tasks * 1e9 + JSON.stringify(m.doc).length;
}

type AddMilestone = (rel: string, idFile: string, attachments: Attachments) => void;

/** `completed/<id>/definition.yaml` plus completion-report, lessons-learned and audit-trail. */
function readCompletedDir(tree: LegacyTree, folder: LegacyFolder, dir: string, add: AddMilestone): void {
  const attachments: Attachments = {};
  const entries = folder.list(dir);
  if (!entries.some((e) => e.kind === 'file' && e.name === 'definition.yaml')) {
    tree.problems.push({ file: dir, message: 'completed milestone folder without definition.yaml; not imported' });
    return;
  }
  for (const { name, kind } of entries) {
    const rel = `${dir}/${name}`;
    if (name === 'definition.yaml') continue;
    const text = (): string => folder.text(rel) ?? '';
    if (kind !== 'file') tree.skipped.push({ file: rel, reason: 'not part of a completed milestone' });
    else if (COMPLETION_FILES[name]) {
      const r = parseYaml(rel, text());
      if (r.ok) (attachments as Record<string, unknown>)[COMPLETION_FILES[name]] = r.value;
      else tree.problems.push(r.problem);
    } else if (name === 'audit-trail.jsonl') {
      const { lines, problems } = parseJsonLines(rel, text());
      attachments.auditTrail = lines.entries;
      if (lines.rejected.length) attachments.rejectedAuditTrail = lines.rejected;
      tree.problems.push(...problems);
    } else tree.skipped.push({ file: rel, reason: 'not part of a completed milestone' });
  }
  add(`${dir}/definition.yaml`, `${dir}/definition.yaml`, attachments);
}
