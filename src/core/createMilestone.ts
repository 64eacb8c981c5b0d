/**
 * `git milestone new`: creates a milestone entity from one milestone.create operation.
 * Its id is the hash of that operation, so two clones never mint the same id. `--workflow NAME`
 * (checked before anything is written) follows as a milestone.workflow operation.
 */
import {
  milestoneCreateOp, milestoneWorkflowOp, type MilestoneCreatePayload,
} from '../domain/ops/constructors';
import type { MilestoneView } from '../domain/views';
import { milestoneView } from '../domain/views';
import type { Context } from './context';
import { writeMilestone } from './milestoneAccess';
import { retryDue } from './notify/retryDue';
import { findWorkflow } from './workflow/findWorkflow';

export interface CreateMilestoneOptions {
  title: string;
  description?: string;
  status?: string;
  priority?: string;
  category?: string;
  labels?: string[];
  startDate?: string;
  dueDate?: string;
  estimatedHours?: number;
  successCriteria?: string[];
  /** Fields with no place in the model, kept verbatim. */
  extra?: Record<string, unknown>;
  /** The workflow its tasks follow (findWorkflow checks the name). */
  workflow?: string;
}

export async function createMilestone(ctx: Context, o: CreateMilestoneOptions): Promise<MilestoneView> {
  const fields: NonNullable<MilestoneCreatePayload['fields']> = {};
  const pick: Array<keyof CreateMilestoneOptions & keyof typeof fields> = [
    'description', 'status', 'priority', 'category', 'startDate', 'dueDate', 'estimatedHours', 'successCriteria',
  ];
  for (const k of pick) if (o[k] !== undefined) fields[k] = o[k];
  const workflow = o.workflow !== undefined ? findWorkflow(ctx, o.workflow).name : null;
  const extra = o.extra !== undefined && Object.keys(o.extra).length > 0 ? { extra: o.extra } : {};
  const created = await ctx.milestones.create(
    milestoneCreateOp({ title: o.title, nonce: ctx.env.nonce(), fields, labels: o.labels ?? [], ...extra }),
    ctx.who(),
  );
  ctx.env.log.info('milestone created', { id: created.id });
  if (workflow !== null) {
    const { state } = await writeMilestone(ctx, created.id, () => [milestoneWorkflowOp({ workflow })]);
    return milestoneView(state);
  }
  await ctx.index.put(created.id, created.tip, created.state);
  await retryDue(ctx); // webhook deliveries that failed earlier and are due again
  return milestoneView(created.state);
}
