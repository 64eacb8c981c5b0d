/**
 * The files of one milestone in the legacy layout, pure: its definition where it was read from
 * (`extra.legacy.file`; a milestone created in git-milestone goes to `completed/<id>.yaml` when
 * completed, archived or cancelled, else `active/<id>.yaml`), the completion files beside a
 * `completed/<id>/definition.yaml`, and the sessions, approvals, event log and current markers the
 * import kept. Event lines that were not JSON are not written back (they stay in extra).
 */
import * as path from 'node:path';
import type { MilestoneState } from '../domain/types';
import { isObject } from './residue';
import { toLegacyDoc } from './toLegacyDoc';
import type { Json, JsonObject } from './types';

export interface LegacyOutFile {
  /** Relative to the legacy folder, `/`-separated. */
  file: string;
  kind: 'yaml' | 'jsonl' | 'text';
  value: Json | JsonObject[] | string;
}

const DONE = ['completed', 'archived', 'cancelled'];
const SAFE_NAME = /^[^/\\\0]+$/;

function safe(name: string): boolean {
  return SAFE_NAME.test(name) && name !== '.' && name !== '..';
}

/** `taken` holds the definition paths already used in this export (a clash falls back to the default path). */
export function toLegacyFiles(state: MilestoneState, legacyId: string, names: (id: string) => string, taken: Set<string>): LegacyOutFile[] {
  const book = isObject(state.extra.legacy) ? (state.extra.legacy as JsonObject) : {};
  const fileName = safe(legacyId) ? legacyId : state.id;
  const kept = typeof book.file === 'string' && /^(active\/[^/]+|completed\/[^/]+|completed\/[^/]+\/definition)\.ya?ml$/.test(book.file)
    && !book.file.split('/').some((p) => p === '..') ? book.file : null;
  let file = kept && !taken.has(kept) ? kept : `${DONE.includes(state.status) ? 'completed' : 'active'}/${fileName}.yaml`;
  for (let n = 2; taken.has(file); n++) file = file.replace(/(-\d+)?\.yaml$/, `-${n}.yaml`);
  taken.add(file);
  const out: LegacyOutFile[] = [{ file, kind: 'yaml', value: toLegacyDoc(state, legacyId, names) }];
  const dir = path.posix.basename(file) === 'definition.yaml' ? path.posix.dirname(file) : null;
  if (dir) {
    if (book.completionReport !== undefined) out.push({ file: `${dir}/completion-report.yaml`, kind: 'yaml', value: book.completionReport });
    if (book.lessonsLearned !== undefined) out.push({ file: `${dir}/lessons-learned.yaml`, kind: 'yaml', value: book.lessonsLearned });
    if (Array.isArray(book.auditTrail)) out.push({ file: `${dir}/audit-trail.jsonl`, kind: 'jsonl', value: book.auditTrail as JsonObject[] });
  }
  if (book.current === true) out.push({ file: 'active/current.txt', kind: 'text', value: `${legacyId}\n` });
  if (isObject(book.sessions)) {
    for (const [name, doc] of Object.entries(book.sessions)) if (safe(name)) out.push({ file: `sessions/${name}.yaml`, kind: 'yaml', value: doc });
    if (typeof book.currentSession === 'string') out.push({ file: 'sessions/current.txt', kind: 'text', value: `${book.currentSession}\n` });
  }
  if (isObject(book.approvals)) {
    for (const [name, doc] of Object.entries(book.approvals)) if (safe(name)) out.push({ file: `approvals/${name}`, kind: 'yaml', value: doc });
  }
  if (Array.isArray(book.events) && safe(`milestone-${legacyId}.jsonl`)) {
    out.push({ file: `state/events/milestone-${legacyId}.jsonl`, kind: 'jsonl', value: book.events as JsonObject[] });
  }
  return out;
}
