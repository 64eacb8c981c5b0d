/**
 * What a task's phase view needs from the world (domain/workflow/phaseView.ts Lens): the blob ids
 * of its recorded deliverables in the work tree now, the time and the timing settings (each
 * phase's timeout from its workflow file, else the setting).
 */
import type { TaskState } from '../../domain/types';
import type { Lens } from '../../domain/workflow/phaseView';
import type { Context } from '../context';
import { currentBlobs } from './deliverables';
import { phaseTimeouts } from './phaseTimeouts';
import type { WorkflowSettings } from './workflowSettings';

export async function phaseLens(ctx: Context, task: TaskState, settings: WorkflowSettings): Promise<Lens> {
  const paths = (task.workflow?.phases ?? []).flatMap((p) => [
    ...p.deliverables.map((d) => d.path), ...p.reviews.flatMap((r) => r.deliverables.map((d) => d.path)),
  ]);
  const timeoutOf = phaseTimeouts(ctx, settings);
  const workflow = task.workflow?.name ?? '';
  return {
    current: ctx.repo.workTree ? await currentBlobs(ctx, paths) : undefined,
    now: ctx.env.clock(),
    autoApproveMs: settings.autoApproveMs,
    timeoutOf: (phase) => timeoutOf(workflow, phase),
    reapproveOnChange: settings.reapproveOnChange,
  };
}
