/** Text of a task's phases (phase commands, review, task show). */
import type { TaskView } from '../../../domain/views';

export function phasesText(t: TaskView): string {
  if (!t.workflow) return '';
  const rows = t.phases.map((p) => {
    const marks = [p.needsApproval ? 'gate' : '', p.overdue ? 'OVERDUE' : '', p.autoApproved ? 'auto-approved' : ''].filter(Boolean);
    const reviews = p.reviews.map((r) => `      ${r.decision} by ${r.by} at ${r.at}${r.stale ? ' (STALE: deliverable changed)' : ''}${r.message ? `: ${r.message}` : ''}`);
    return [`  ${p.name.padEnd(10)} ${String(p.weight).padStart(3)}%  ${p.status}${marks.length ? `  [${marks.join(', ')}]` : ''}`,
      ...p.deliverables.map((d) => `      ${d.path} ${d.blob.slice(0, 10)}`), ...reviews].join('\n');
  });
  return `Workflow:  ${t.workflow}\n${rows.join('\n')}`;
}
