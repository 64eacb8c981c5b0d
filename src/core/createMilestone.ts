/**
 * `git milestone new`: creates a milestone entity from one milestone.create operation.
 * Its id is the hash of that operation, so two clones never mint the same id.
 */
import { milestoneCreateOp, type MilestoneCreatePayload } from '../domain/ops/constructors';
import type { MilestoneView } from '../domain/views';
import { milestoneView } from '../domain/views';
import type { Context } from './context';
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
  /** Fields with no place in the model, kept verbatim (e.g. `workflow` from a template). */
  extra?: Record<string, unknown>;
  /** The workflow its tasks follow (kept as `extra.workflow`; findWorkflow checks the name). */
  workflow?: string;
}

export async function createMilestone(ctx: Context, o: CreateMilestoneOptions): Promise<MilestoneView> {
  const fields: NonNullable<MilestoneCreatePayload['fields']> = {};
  const pick: Array<keyof CreateMilestoneOptions & keyof typeof fields> = [
    'description', 'status', 'priority', 'category', 'startDate', 'dueDate', 'estimatedHours', 'successCriteria',
  ];
  for (const k of pick) if (o[k] !== undefined) fields[k] = o[k];
  const created = await ctx.milestones.create(
    milestoneCreateOp({ title: o.title, nonce: ctx.env.nonce(), fields, labels: o.labels ?? [], ...extraOf(ctx, o) }),
    ctx.who(),
  );
  await ctx.index.put(created.id, created.tip, created.state);
  await retryDue(ctx); // webhook deliveries that failed earlier and are due again
  ctx.env.log.info('milestone created', { id: created.id });
  return milestoneView(created.state);
}

function extraOf(ctx: Context, o: CreateMilestoneOptions): { extra?: Record<string, unknown> } {
  const workflow = o.workflow !== undefined ? { workflow: findWorkflow(ctx, o.workflow).name } : {};
  const extra = { ...(o.extra ?? {}), ...workflow };
  return Object.keys(extra).length > 0 ? { extra } : {};
}
