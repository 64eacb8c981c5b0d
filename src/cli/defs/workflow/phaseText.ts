/** Text of a task's phases (phase commands, review, task show). */
import type { TaskView } from '../../../domain/views';

type PhaseView = TaskView['phases'][number];

function marksOf(p: PhaseView): string {
  const marks = [
    p.needsApproval ? 'gate' : '', p.overdue ? 'OVERDUE' : '', p.autoApproved ? 'auto-approved' : '',
    p.reapprovalDue ? 'changed since approved: review again' : '',
  ].filter(Boolean);
  return marks.length ? `  [${marks.join(', ')}]` : '';
}

function reviewLine(r: PhaseView['reviews'][number]): string {
  const stale = r.stale ? ' (STALE: deliverable changed)' : '';
  return `      ${r.decision} by ${r.by} at ${r.at}${stale}${r.message ? `: ${r.message}` : ''}`;
}

export function phasesText(t: TaskView): string {
  if (!t.workflow) return '';
  const rows = t.phases.map((p) => [
    `  ${p.name.padEnd(10)} ${String(p.weight).padStart(3)}%  ${p.status}${marksOf(p)}`,
    ...p.deliverables.map((d) => `      ${d.path} ${d.blob.slice(0, 10)}`),
    ...p.reviews.map(reviewLine),
  ].join('\n'));
  return `Workflow:  ${t.workflow}\n${rows.join('\n')}`;
}
