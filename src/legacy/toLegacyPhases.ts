/**
 * A task's workflow → its legacy `kiro_workflow` (export), the inverse of mapPhases.ts. An imported
 * task gets each phase's status back where it was read (`phases.<p>.status`, or `phases.<p>` when
 * the file wrote the status alone), `current_phase` when the import took it, and `approved_at` /
 * `approved_by` from the approval that decided the phase (where they were read, or for an approval
 * made in git-milestone); the rest of the block is the residue, as it was. A phase sent back by
 * `review --request-changes` and not resubmitted is `changes_requested`, as the earlier system said.
 * A task that got its workflow in git-milestone gets the whole block.
 */
import type { TaskState } from '../domain/types';
import { roundReviews } from '../domain/workflow/gate';
import { currentPhaseOf } from '../domain/workflow/machine';
import type { PhaseRecord } from '../domain/workflow/phaseState';
import { legacyName } from './legacyReviews';
import { isObject, setPath } from './residue';
import type { JsonObject } from './types';
import type { WriteBack } from './writeBack';

export function legacyPhaseStatus(p: PhaseRecord): string {
  const sentBack = p.base === 'waiting_approval' && p.status === 'in_progress';
  return sentBack ? 'changes_requested' : p.status;
}

/** approved_at / approved_by of an approved phase: the last approval of its round. */
function approval(p: PhaseRecord): { approved_at: string; approved_by: string } | null {
  if (p.status !== 'approved') return null;
  const r = roundReviews(p).filter((x) => x.decision === 'approve').pop();
  if (!r) return null;
  return { approved_at: r.at, approved_by: legacyName(r.by) };
}

function wholeBlock(task: TaskState): JsonObject {
  const w = task.workflow!;
  const phases: JsonObject = {};
  for (const p of w.phases) {
    const decided = approval(p) ?? {};
    phases[p.name] = { status: legacyPhaseStatus(p), approval_required: p.needsApproval, ...decided };
  }
  const current = currentPhaseOf(w)?.name;
  return { enabled: true, ...(current ? { current_phase: current } : {}), phases };
}

export function putPhases(w: WriteBack, task: TaskState): void {
  const wf = task.workflow;
  if (!wf) return;
  if (!isObject(w.doc.kiro_workflow)) {
    if (w.doc.type === undefined) w.doc.type = 'kiro_workflow';
    w.doc.kiro_workflow = wholeBlock(task);
    return;
  }
  const imported = isObject(w.book.phases) ? w.book.phases : {};
  for (const p of wf.phases) {
    const at = `kiro_workflow.phases.${p.name}`;
    const status = legacyPhaseStatus(p);
    if (w.wasMapped(at)) setPath(w.doc, at, status);
    else if (w.wasMapped(`${at}.status`) || status !== 'pending') setPath(w.doc, `${at}.status`, status);
    const decided = approval(p);
    for (const key of ['approved_at', 'approved_by'] as const) {
      const since = imported[p.name] !== 'approved'; // approved in git-milestone, after the import
      if (decided && (w.wasMapped(`${at}.${key}`) || since)) setPath(w.doc, `${at}.${key}`, decided[key]);
    }
  }
  const current = currentPhaseOf(wf)?.name;
  const path = 'kiro_workflow.current_phase';
  if (current !== undefined && w.wasMapped(path)) setPath(w.doc, path, current);
}
