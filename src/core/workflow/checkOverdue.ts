/**
 * `doctor`'s workflow check: phases open longer than `kiro_workflow.phase_timeout`. The index's
 * oldest-open-phase time picks the candidate milestones, so only those are read. Warnings: an
 * overdue phase is worth knowing, not a broken repository.
 */
import { isOverdue } from '../../domain/workflow/staleness';
import type { MilestoneSummary } from '../../domain/summary';
import type { Context } from '../context';
import type { DoctorProblem } from '../doctor/types';
import { workflowSettings } from './workflowSettings';

export async function checkOverdue(ctx: Context): Promise<DoctorProblem[]> {
  const { timeoutMs } = await workflowSettings(ctx);
  if (timeoutMs === null) return [];
  const now = ctx.env.clock();
  const cutoff = now.getTime() - timeoutMs;
  const candidates = (await ctx.index.summaries())
    .filter((s: MilestoneSummary) => s.openPhaseSince !== null && Date.parse(s.openPhaseSince) <= cutoff);
  const problems: DoctorProblem[] = [];
  for (const s of candidates) {
    const { state } = await ctx.milestones.read(s.id);
    for (const t of state.tasks.filter((x) => !x.deleted && x.workflow)) {
      for (const p of t.workflow!.phases.filter((x) => isOverdue(x, now, timeoutMs))) {
        problems.push({
          check: 'workflow', severity: 'warning', fixable: false, ref: `refs/milestones/milestone/${s.id}`,
          message: `phase ${p.name} of task ${t.id.slice(0, 8)} ${JSON.stringify(t.title)} is ${p.status} since ${p.startedAt}, past kiro_workflow.phase_timeout`,
          hint: `\`git milestone task show ${t.id.slice(0, 8)}\` shows its phases and reviews.`,
        });
      }
    }
  }
  return problems;
}
