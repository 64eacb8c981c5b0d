/**
 * `git milestone new`: creates a milestone entity from one milestone.create operation.
 * Its id is the hash of that operation, so two clones never mint the same id.
 */
import { milestoneCreateOp, type MilestoneCreatePayload } from '../domain/ops/constructors';
import type { MilestoneView } from '../domain/views';
import { milestoneView } from '../domain/views';
import type { Context } from './context';
import { retryDue } from './notify/retryDue';

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
}

export async function createMilestone(ctx: Context, o: CreateMilestoneOptions): Promise<MilestoneView> {
  const fields: NonNullable<MilestoneCreatePayload['fields']> = {};
  const pick: Array<keyof CreateMilestoneOptions & keyof typeof fields> = [
    'description', 'status', 'priority', 'category', 'startDate', 'dueDate', 'estimatedHours', 'successCriteria',
  ];
  for (const k of pick) if (o[k] !== undefined) fields[k] = o[k];
  const created = await ctx.milestones.create(
    milestoneCreateOp({ title: o.title, nonce: ctx.env.nonce(), fields, labels: o.labels ?? [], ...(o.extra ? { extra: o.extra } : {}) }),
    ctx.who(),
  );
  await ctx.index.put(created.id, created.tip, created.state);
  await retryDue(ctx); // webhook deliveries that failed earlier and are due again
  ctx.env.log.info('milestone created', { id: created.id });
  return milestoneView(created.state);
}
