/**
 * `doctor`'s workflow check: phases open longer than their timeout (the workflow file's, else
 * `kiro_workflow.phase_timeout`), found from the index (findOverdue.ts). Warnings: an overdue phase
 * is worth knowing, not a broken repository. Each one found fires `phase.overdue` once.
 */
import type { Context } from '../context';
import type { DoctorProblem } from '../doctor/types';
import { findOverdue } from './findOverdue';
import { noticeOverdue } from './noticeOverdue';

export async function checkOverdue(ctx: Context): Promise<DoctorProblem[]> {
  const found = await findOverdue(ctx);
  await noticeOverdue(ctx, found);
  return found.map(({ milestone, task, phase, deadline }) => ({
    check: 'workflow', severity: 'warning', fixable: false, ref: `refs/milestones/milestone/${milestone.id}`,
    message: `phase ${phase.name} of task ${task.id.slice(0, 8)} ${JSON.stringify(task.title)} `
      + `is ${phase.status} since ${phase.startedAt}, overdue since ${deadline}`,
    hint: `\`git milestone task show ${task.id.slice(0, 8)}\` shows its phases and reviews.`,
  }));
}
