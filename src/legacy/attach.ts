/**
 * Files of a legacy folder that belong to a milestone but are not its definition: the current
 * marker, saved sessions, approval requests and the event log. Each goes to the milestone it names
 * (kept under `extra.legacy` on import, so an export writes it back); one that names no imported
 * milestone is reported. Settings and deliverables are listed as skipped with the reason.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonLines, parseYaml, parseYamlObject } from './parseText';
import type { Json, LegacyMilestone, LegacyTree } from './types';

const YAML_FILE = /\.ya?ml$/;

/** A sorted directory listing; empty when the folder is missing (a partial legacy folder still reads). */
export function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** A text file, or null when missing. */
export function readText(root: string, rel: string): string | null {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch {
    return null;
  }
}


function field(doc: Json, ...keys: string[]): string | null {
  let v: Json | undefined = doc;
  for (const k of keys) v = v && typeof v === 'object' && !Array.isArray(v) ? v[k] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

export function attachFiles(tree: LegacyTree): void {
  const byId = new Map(tree.milestones.map((m) => [m.legacyId, m]));
  const orphan = (file: string, what: string, id: string | null): void =>
    void tree.problems.push({ file, message: `${what} belongs to ${id === null ? 'no milestone' : `milestone ${JSON.stringify(id)}, which is not imported`}; not imported` });

  const current = readText(tree.root, 'active/current.txt')?.trim();
  if (current) {
    const m = byId.get(current);
    if (m) m.attachments.current = true;
    else orphan('active/current.txt', 'the current-milestone marker', current);
  }
  const sessionOwner = new Map<string, LegacyMilestone>();
  for (const e of listDir(path.join(tree.root, 'sessions'))) {
    const rel = `sessions/${e.name}`;
    if (e.name === 'current.txt') continue;
    if (!e.isFile() || !YAML_FILE.test(e.name)) { tree.skipped.push({ file: rel, reason: 'not a session file' }); continue; }
    const r = parseYamlObject(rel, readText(tree.root, rel) ?? '');
    if (!r.ok) { tree.problems.push(r.problem); continue; }
    const id = field(r.value, 'session', 'milestone_id') ?? field(r.value, 'milestone_id');
    const m = id === null ? undefined : byId.get(id);
    if (!m) { orphan(rel, 'this session', id); continue; }
    const name = e.name.replace(YAML_FILE, '');
    (m.attachments.sessions ??= {})[name] = r.value;
    sessionOwner.set(name, m);
  }
  const currentSession = readText(tree.root, 'sessions/current.txt')?.trim();
  if (currentSession) {
    const m = sessionOwner.get(currentSession);
    if (m) m.attachments.currentSession = currentSession;
    else orphan('sessions/current.txt', 'the current-session marker', null);
  }
  const ids = [...byId.keys()].sort((a, b) => b.length - a.length);
  for (const e of listDir(path.join(tree.root, 'approvals'))) {
    const rel = `approvals/${e.name}`;
    if (!e.isFile() || !YAML_FILE.test(e.name)) { tree.skipped.push({ file: rel, reason: 'not an approval file' }); continue; }
    const r = parseYaml(rel, readText(tree.root, rel) ?? '');
    if (!r.ok) { tree.problems.push(r.problem); continue; }
    const id = field(r.value, 'milestone_id') ?? field(r.value, 'approval', 'milestone_id')
      ?? ids.find((i) => e.name.startsWith(`approval-${i}-`)) ?? null;
    const m = id === null ? undefined : byId.get(id);
    if (!m) { orphan(rel, 'this approval', id); continue; }
    (m.attachments.approvals ??= {})[e.name] = r.value;
  }
  attachEvents(tree, byId);
  for (const e of listDir(tree.root)) {
    if (['active', 'completed', 'sessions', 'approvals', 'state'].includes(e.name)) continue;
    const reason = e.name === 'config' ? 'settings: set them with `git milestone config set`'
      : e.name === 'deliverables' ? 'deliverable files stay where they are in the work tree' : 'not part of the legacy format';
    tree.skipped.push({ file: e.isDirectory() ? `${e.name}/` : e.name, reason });
  }
}

function attachEvents(tree: LegacyTree, byId: Map<string, LegacyMilestone>): void {
  for (const e of listDir(path.join(tree.root, 'state'))) {
    if (e.name !== 'events') tree.skipped.push({ file: `state/${e.name}`, reason: 'not part of the legacy format' });
  }
  for (const e of listDir(path.join(tree.root, 'state', 'events'))) {
    const rel = `state/events/${e.name}`;
    const m = /^milestone-(.+)\.jsonl$/.exec(e.name);
    if (!e.isFile() || !m) { tree.skipped.push({ file: rel, reason: 'not an event log' }); continue; }
    const owner = byId.get(m[1]);
    const { lines, problems } = parseJsonLines(rel, readText(tree.root, rel) ?? '');
    tree.problems.push(...problems);
    if (!owner) { tree.problems.push({ file: rel, message: `event log of milestone ${JSON.stringify(m[1])}, which is not imported; not imported` }); continue; }
    owner.attachments.events = lines.entries;
    if (lines.rejected.length) owner.attachments.rejectedEvents = lines.rejected;
  }
}
