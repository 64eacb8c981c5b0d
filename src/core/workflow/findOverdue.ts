/**
 * Phases open past their timeout (phaseTimeouts.ts: the workflow file's, else
 * `kiro_workflow.phase_timeout`). The index's per-phase open times (summary `openPhases`) pick the
 * candidate milestones, so only those are read.
 */
import type { MilestoneSummary } from '../../domain/summary';
import type { MilestoneState, TaskState } from '../../domain/types';
import type { PhaseRecord } from '../../domain/workflow/phaseState';
import { isOverdue } from '../../domain/workflow/staleness';
import type { Context } from '../context';
import { phaseTimeouts, type TimeoutOf } from './phaseTimeouts';
import { workflowSettings } from './workflowSettings';

export interface OverdueFinding {
  milestone: MilestoneState;
  task: TaskState;
  phase: PhaseRecord;
  /** When it became overdue: its start plus its timeout. */
  deadline: string;
}

/** `<workflow>/<phase>` → [workflow, phase]. */
const splitKey = (key: string): [string, string] => {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
};

function due(startedAt: string, ms: number | null, now: Date): boolean {
  return ms !== null && Date.parse(startedAt) + ms <= now.getTime();
}

/** The overdue phases of one milestone's live tasks. */
export function overdueIn(state: MilestoneState, now: Date, timeoutOf: TimeoutOf): OverdueFinding[] {
  return state.tasks.filter((t) => !t.deleted && t.workflow).flatMap((t) => t.workflow!.phases
    .filter((p) => isOverdue(p, now, timeoutOf(t.workflow!.name, p.name)))
    .map((p) => {
      const ms = timeoutOf(t.workflow!.name, p.name) as number;
      const deadline = new Date(Date.parse(p.startedAt as string) + ms).toISOString();
      return { milestone: state, task: t, phase: p, deadline };
    }));
}

export async function findOverdue(ctx: Context): Promise<OverdueFinding[]> {
  const timeoutOf = phaseTimeouts(ctx, await workflowSettings(ctx));
  const now = ctx.env.clock();
  const candidates = (await ctx.index.summaries()).filter((s: MilestoneSummary) =>
    Object.entries(s.openPhases ?? {}).some(([key, since]) => due(since, timeoutOf(...splitKey(key)), now)));
  const out: OverdueFinding[] = [];
  for (const s of candidates) out.push(...overdueIn((await ctx.milestones.read(s.id)).state, now, timeoutOf));
  return out;
}
