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
import { attachFiles, listDir } from './attach';
import { parseJsonLines, parseYaml, parseYamlObject } from './parseText';
import type { Attachments, LegacyTree } from './types';

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
  const seen = new Map<string, string>();
  const addMilestone = (rel: string, idFile: string, attachments: Attachments): void => {
    const abs = path.join(root, rel);
    const { bytes, mtimeMs } = readWithMtime(abs);
    const parsed = parseYamlObject(rel, bytes.toString('utf8'));
    if (!parsed.ok) return void tree.problems.push(parsed.problem);
    const legacyId = legacyIdOf(parsed.value, idFile);
    const earlier = seen.get(legacyId);
    if (earlier) return void tree.problems.push({ file: rel, message: `legacy id ${JSON.stringify(legacyId)} is also defined by ${earlier}; this file is not imported` });
    seen.set(legacyId, rel);
    tree.milestones.push({
      legacyId, file: rel, doc: parsed.value, attachments,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      mtime: new Date(Math.floor(mtimeMs / 1000) * 1000).toISOString(),
    });
  };
  const active = listDir(path.join(root, 'active'));
  const completed = listDir(path.join(root, 'completed'));
  let done = 0;
  const tick = (): void => onProgress?.(++done, active.length + completed.length);
  for (const e of active) {
    if (e.isFile() && YAML_FILE.test(e.name)) addMilestone(`active/${e.name}`, e.name, {});
    else if (e.name !== 'current.txt') tree.skipped.push({ file: `active/${e.name}`, reason: 'not a milestone file' });
    tick();
  }
  for (const e of completed) {
    if (e.isFile() && YAML_FILE.test(e.name)) addMilestone(`completed/${e.name}`, e.name, {});
    else if (e.isDirectory()) readCompletedDir(tree, `completed/${e.name}`, addMilestone);
    else tree.skipped.push({ file: `completed/${e.name}`, reason: 'not a milestone file' });
    tick();
  }
  attachFiles(tree);
  return tree;
}

/** A file's bytes and mtime from one open (the size stat that reading needs gives the mtime too). */
function readWithMtime(file: string): { bytes: Buffer; mtimeMs: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const st = fs.fstatSync(fd);
    const bytes = Buffer.allocUnsafe(st.size);
    let done = 0;
    while (done < st.size) {
      const n = fs.readSync(fd, bytes, done, st.size - done, done);
      if (n === 0) break;
      done += n;
    }
    return { bytes: bytes.subarray(0, done), mtimeMs: st.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

type AddMilestone = (rel: string, idFile: string, attachments: Attachments) => void;

/** `completed/<id>/definition.yaml` plus completion-report, lessons-learned and audit-trail. */
function readCompletedDir(tree: LegacyTree, dir: string, add: AddMilestone): void {
  const attachments: Attachments = {};
  const names = listDir(path.join(tree.root, dir)).map((e) => e.name);
  if (!names.includes('definition.yaml')) {
    tree.problems.push({ file: dir, message: 'completed milestone folder without definition.yaml; not imported' });
    return;
  }
  for (const name of names) {
    const rel = `${dir}/${name}`;
    if (name === 'definition.yaml') continue;
    const text = (): string => fs.readFileSync(path.join(tree.root, rel), 'utf8');
    if (COMPLETION_FILES[name]) {
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
