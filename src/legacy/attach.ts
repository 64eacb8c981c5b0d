/**
 * Files of a legacy folder that belong to a milestone but are not its definition: the current
 * marker, saved sessions, approval requests and the event log. Each goes to the milestone it names
 * (kept under `extra.legacy` on import, so an export writes it back); one that names no imported
 * milestone is reported. Settings and deliverables are listed as skipped with the reason.
 */
import type { LegacyFolder } from './folder';
import { parseJsonLines, parseYaml, parseYamlObject } from './parseText';
import type { Json, LegacyMilestone, LegacyTree } from './types';

const YAML_FILE = /\.ya?ml$/;

function field(doc: Json, ...keys: string[]): string | null {
  let v: Json | undefined = doc;
  for (const k of keys) v = v && typeof v === 'object' && !Array.isArray(v) ? v[k] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

export function attachFiles(tree: LegacyTree, folder: LegacyFolder): void {
  const byId = new Map(tree.milestones.map((m) => [m.legacyId, m]));
  const orphan = (file: string, what: string, id: string | null): void =>
    void tree.problems.push({ file, message: `${what} belongs to ${id === null ? 'no milestone' : `milestone ${JSON.stringify(id)}, which is not imported`}; not imported` });

  const current = folder.text('active/current.txt')?.trim();
  if (current) {
    const m = byId.get(current);
    if (m) m.attachments.current = true;
    else orphan('active/current.txt', 'the current-milestone marker', current);
  }
  const sessionOwner = new Map<string, LegacyMilestone>();
  for (const e of folder.list('sessions')) {
    const rel = `sessions/${e.name}`;
    if (e.name === 'current.txt') continue;
    if (e.kind !== 'file' || !YAML_FILE.test(e.name)) { tree.skipped.push({ file: rel, reason: 'not a session file' }); continue; }
    const r = parseYamlObject(rel, folder.text(rel) ?? '');
    if (!r.ok) { tree.problems.push(r.problem); continue; }
    const id = field(r.value, 'session', 'milestone_id') ?? field(r.value, 'milestone_id');
    const m = id === null ? undefined : byId.get(id);
    if (!m) { orphan(rel, 'this session', id); continue; }
    const name = e.name.replace(YAML_FILE, '');
    (m.attachments.sessions ??= {})[name] = r.value;
    sessionOwner.set(name, m);
  }
  const currentSession = folder.text('sessions/current.txt')?.trim();
  if (currentSession) {
    const m = sessionOwner.get(currentSession);
    if (m) m.attachments.currentSession = currentSession;
    else orphan('sessions/current.txt', 'the current-session marker', null);
  }
  const ids = [...byId.keys()].sort((a, b) => b.length - a.length);
  for (const e of folder.list('approvals')) {
    const rel = `approvals/${e.name}`;
    if (e.kind !== 'file' || !YAML_FILE.test(e.name)) { tree.skipped.push({ file: rel, reason: 'not an approval file' }); continue; }
    const r = parseYaml(rel, folder.text(rel) ?? '');
    if (!r.ok) { tree.problems.push(r.problem); continue; }
    const id = field(r.value, 'milestone_id') ?? field(r.value, 'approval', 'milestone_id')
      ?? ids.find((i) => e.name.startsWith(`approval-${i}-`)) ?? null;
    const m = id === null ? undefined : byId.get(id);
    if (!m) { orphan(rel, 'this approval', id); continue; }
    (m.attachments.approvals ??= {})[e.name] = r.value;
  }
  attachEvents(tree, folder, byId);
  for (const e of folder.list('')) {
    if (['active', 'completed', 'sessions', 'approvals', 'state'].includes(e.name)) continue;
    const reason = e.name === 'config' ? 'settings: set them with `git milestone config set`'
      : e.name === 'deliverables' ? 'deliverable files stay where they are in the work tree' : 'not part of the legacy format';
    tree.skipped.push({ file: e.kind === 'dir' ? `${e.name}/` : e.name, reason });
  }
}

function attachEvents(tree: LegacyTree, folder: LegacyFolder, byId: Map<string, LegacyMilestone>): void {
  for (const e of folder.list('state')) {
    if (e.name !== 'events') tree.skipped.push({ file: `state/${e.name}`, reason: 'not part of the legacy format' });
  }
  for (const e of folder.list('state/events')) {
    const rel = `state/events/${e.name}`;
    const m = /^milestone-(.+)\.jsonl$/.exec(e.name);
    if (e.kind !== 'file' || !m) { tree.skipped.push({ file: rel, reason: 'not an event log' }); continue; }
    const owner = byId.get(m[1]);
    const { lines, problems } = parseJsonLines(rel, folder.text(rel) ?? '');
    tree.problems.push(...problems);
    if (!owner) { tree.problems.push({ file: rel, message: `event log of milestone ${JSON.stringify(m[1])}, which is not imported; not imported` }); continue; }
    owner.attachments.events = lines.entries;
    if (lines.rejected.length) owner.attachments.rejectedEvents = lines.rejected;
  }
}
