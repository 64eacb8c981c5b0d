/**
 * The reviews a decided legacy phase is imported with, pure. Sources, first found: the approval file
 * of the phase (`approvals/approval-<ms>-<task>-<from>-<to>.yaml`: `task_id`, `from_phase`,
 * `approvers` (roles), `decisions[]` of `{approver, decision, at}`), else the phase's own
 * `approved_by`/`approved_at`, else (a phase approved, rejected or sent back with no record of by
 * whom) one review by the importer saying so. A legacy approver is a user or role name, not a git
 * identity: it becomes `name <name>` (or the address it is), and each listed role is acted for by
 * the approver of that name, so every listed role must approve, as before. The reviews are checked
 * against the domain's own gate (gate.ts): they must leave the phase in the status the task file
 * gives it, else the phases are kept verbatim.
 */
import type { Author } from '../domain/types';
import { derivedStatus } from '../domain/workflow/gate';
import {
  newPhase, type PhaseRecord, type PhaseStatus, type ReviewDecision,
} from '../domain/workflow/phaseState';
import { isIsoDate, isIsoDateTime } from '../domain/values';
import { isObject } from './residue';
import type { Json, JsonObject } from './types';

/** What the milestone gives every task's phases: its kiro_configuration and attached approval files. */
export interface PhaseContext {
  configuration: Json | undefined;
  approvals: Record<string, Json> | undefined;
  legacyTaskId: string | undefined;
}

/** A legacy date-time field as an operation time (a date alone is midnight UTC), else null. */
export function legacyTime(raw: Json | undefined, key: string): string | null {
  const v = isObject(raw) ? raw[key] : undefined;
  if (isIsoDateTime(v)) return /(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}Z`;
  return isIsoDate(v) ? `${v}T00:00:00Z` : null;
}
const time = legacyTime;

export interface LegacyReview {
  /** null: nobody was recorded; the importer signs it. */
  by: Author | null;
  decision: ReviewDecision;
  at: string | null;
  message?: string;
  /** From the phase's `approved_by`/`approved_at` (they leave the residue; an export puts them back). */
  fromPhase?: true;
}

const DECISIONS: Readonly<Record<string, ReviewDecision>> = {
  approved: 'approve', approve: 'approve', rejected: 'reject', reject: 'reject',
  changes_requested: 'request_changes', request_changes: 'request_changes',
};
const BY_STATUS: Partial<Record<PhaseStatus, ReviewDecision>> = {
  approved: 'approve', rejected: 'reject', changes_requested: 'request_changes',
};

/** A legacy approver name → the identity its reviews carry. */
export function legacyIdentity(name: string): Author {
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(name);
  return m ? { name: m[1], email: m[2] } : { name, email: name };
}

/** How an identity is written as a legacy approver: the bare name when it is one, else `Name <email>`. */
export function legacyName(by: Author): string {
  return by.name === by.email ? by.name : `${by.name} <${by.email}>`;
}

type Found = [file: string, doc: JsonObject];

function approvalFile(ctx: PhaseContext, phase: string, next: string | undefined): Found | null {
  const id = ctx.legacyTaskId;
  if (id === undefined || !ctx.approvals) return null;
  for (const [file, doc] of Object.entries(ctx.approvals)) {
    if (!isObject(doc)) continue;
    const named = doc.task_id !== undefined || doc.from_phase !== undefined;
    const byName = next !== undefined && file.endsWith(`-${id}-${phase}-${next}.yaml`);
    if (named ? String(doc.task_id) === id && doc.from_phase === phase : byName) return [file, doc];
  }
  return null;
}

function fromFile(file: string, doc: JsonObject): { reviews: LegacyReview[]; approvers: string[] } | string {
  const list = Array.isArray(doc.decisions) ? doc.decisions : [];
  const reviews: LegacyReview[] = [];
  for (const d of list) {
    const decision = isObject(d) && typeof d.decision === 'string' ? DECISIONS[d.decision] : undefined;
    const who = isObject(d) ? (d.approver ?? d.by) : undefined;
    if (!decision || typeof who !== 'string') {
      const expected = '{approver, decision: approved|rejected|changes_requested}';
      return `approval file ${file} has a decision that is not ${expected}`;
    }
    const note = (d as JsonObject).comments ?? (d as JsonObject).notes;
    const message = typeof note === 'string' ? { message: note } : {};
    reviews.push({ by: legacyIdentity(who), decision, at: time(d, 'at'), ...message });
  }
  const roles = doc.approvers;
  const named = Array.isArray(roles) && roles.every((a) => typeof a === 'string');
  return { reviews, approvers: named ? (roles as string[]) : [] };
}

/** Whether writing `reviews` one by one (each while the phase waits) leaves it in `target`. */
function reaches(reviews: LegacyReview[], approvers: string[], target: PhaseStatus): boolean {
  let p: PhaseRecord = {
    ...newPhase({ name: 'x', weight: 0, needsApproval: true }), base: 'waiting_approval', round: 'r',
    approvers: approvers.map((role) => ({ role, emails: [legacyIdentity(role).email] })),
  };
  for (const [i, r] of reviews.entries()) {
    if (derivedStatus(p) !== 'waiting_approval') return false;
    const by = r.by ?? { name: '', email: '' };
    const review = { op: String(i), by, decision: r.decision, at: r.at ?? '', round: 'r', deliverables: [] };
    p = { ...p, reviews: [...p.reviews, review] };
  }
  return derivedStatus(p) === (target === 'changes_requested' ? 'in_progress' : target);
}

export function legacyReviews(
  raw: Json | undefined, status: PhaseStatus, ctx: PhaseContext, phase: string, next: string | undefined,
): { reviews: LegacyReview[]; approvers: string[] } | string {
  const none = { reviews: [] as LegacyReview[], approvers: [] as string[] };
  if (!['waiting_approval', 'approved', 'rejected', 'changes_requested'].includes(status)) return none;
  const found = approvalFile(ctx, phase, next);
  let given = found ? fromFile(...found) : none;
  if (typeof given === 'string') return given;
  const by = isObject(raw) && typeof raw.approved_by === 'string' ? raw.approved_by : null;
  const at = time(raw, 'approved_at');
  if (given.reviews.length === 0 && status === 'approved' && (by !== null || at !== null)) {
    // Only values an export writes back the same leave the file (a date alone, odd spacing stay as written).
    const fromPhase = (by === null || legacyName(legacyIdentity(by)) === by)
      && (at === null || at === (raw as JsonObject).approved_at);
    const review: LegacyReview = { by: by === null ? null : legacyIdentity(by), decision: 'approve', at };
    given = { reviews: [fromPhase ? { ...review, fromPhase } : review], approvers: [] };
  }
  const decision = BY_STATUS[status];
  if (given.reviews.length === 0 && decision) {
    const message = `${status} in the earlier system, which recorded no reviewer`;
    given = { reviews: [{ by: null, decision, at: null, message }], approvers: [] };
  }
  if (reaches(given.reviews, given.approvers, status)) return given;
  if (reaches(given.reviews, [], status)) return { reviews: given.reviews, approvers: [] };
  const source = found ? `approval file ${found[0]}` : 'the recorded decisions';
  return `${source} do not leave phase ${phase} ${status}`;
}
