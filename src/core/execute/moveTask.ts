/**
 * The task's status as execute moves it, through the same use cases as the commands: taken up
 * (in_progress, its current phase started in the worktree, so deliverable templates appear there),
 * then moved on after the agent succeeded: a task without a workflow is completed; one with a
 * workflow has its phase submitted, which completes the phase or waits for approval. A completed
 * phase with phases after it starts the next, and the agent runs again for it.
 */
import { milestoneSetExtraOp, taskStatusOp, type MilestoneOpDraft } from '../../domain/ops/constructors';
import { blockerKey } from '../../domain/execute/blocker';
import type { MilestoneState, TaskState } from '../../domain/types';
import { currentPhaseOf } from '../../domain/workflow/machine';
import type { Context } from '../context';
import { writeMilestone } from '../milestoneAccess';
import { changePhase } from '../workflow/changePhase';

export type MoveOn = { kind: 'completed' } | { kind: 'waiting'; phase: string } | { kind: 'next'; phase: string };

/**
 * Takes the task up; returns its phase (null without a workflow) and the milestone as written, so
 * the first attempt needs no read of its own. `wctx` works in the task's worktree.
 */
export async function takeUp(wctx: Context, milestone: string, t: TaskState): Promise<{ phase: string | null; state: MilestoneState }> {
  const phase = t.workflow ? currentPhaseOf(t.workflow) : null;
  if (phase && (phase.status === 'pending' || phase.status === 'blocked')) {
    await changePhase(wctx, { task: t.id, action: 'start', phase: phase.name });
  }
  const { state } = await writeMilestone(wctx, milestone, (s) => {
    const now = s.tasks.find((x) => x.id === t.id);
    const out: MilestoneOpDraft[] = [];
    if (now && now.status !== 'in_progress' && now.status !== 'completed') out.push(taskStatusOp({ task: t.id, status: 'in_progress' }));
    if (s.extra[blockerKey(t.id)] !== undefined) out.push(milestoneSetExtraOp({ fields: { [blockerKey(t.id)]: null } }));
    return out;
  });
  return { phase: phase?.name ?? null, state };
}

export async function moveOn(wctx: Context, milestone: string, task: string, phase: string | null): Promise<MoveOn> {
  if (phase === null) {
    await writeMilestone(wctx, milestone, (s) => {
      const t = s.tasks.find((x) => x.id === task);
      return t && t.status !== 'completed' ? [taskStatusOp({ task, status: 'completed' })] : [];
    });
    return { kind: 'completed' };
  }
  const view = await changePhase(wctx, { task, action: 'submit', phase });
  if (view.status === 'completed') return { kind: 'completed' };
  const record = view.phases.find((p) => p.name === phase);
  if (record && record.status !== 'completed') return { kind: 'waiting', phase };
  const next = view.phases.find((p) => p.status === 'pending');
  if (!next) return { kind: 'completed' };
  await changePhase(wctx, { task, action: 'start', phase: next.name });
  return { kind: 'next', phase: next.name };
}
