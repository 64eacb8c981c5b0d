/**
 * `git milestone next [milestone]`: tasks ready to start (pending, every dependency done), those
 * in progress or blocked, and for the pending others the reason they wait; `limit` caps each list.
 * A milestone's answer is kept by its state object (a WeakMap): a long-lived process whose entity
 * store keeps its reads (the MCP server: EntityStore.keepReads) gets the same object while the tip
 * has not moved, and so works out only milestones that changed.
 */
import { nextTasks as readiness } from '../domain/readiness';
import type { MilestoneState } from '../domain/types';
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { readAllMilestones } from './readAllMilestones';

export interface NextResult {
  ready: TaskView[];
  inProgress: TaskView[];
  blocked: TaskView[];
  waiting: Array<{ task: TaskView; reasons: string[] }>;
}

const answers = new WeakMap<MilestoneState, NextResult>();

function answerOf(m: MilestoneState): NextResult {
  let a = answers.get(m);
  if (!a) {
    const r = readiness(m);
    a = {
      ready: r.ready.map((t) => taskView(t, m)),
      inProgress: r.inProgress.map((t) => taskView(t, m)),
      blocked: r.blocked.map((t) => taskView(t, m)),
      waiting: r.waiting.map((w) => ({ task: taskView(w.task, m), reasons: w.reasons })),
    };
    answers.set(m, a);
  }
  return a;
}

export async function nextTasks(ctx: Context, o: { milestone?: string; limit?: number }): Promise<NextResult> {
  const max = o.limit ?? Infinity;
  if (o.limit !== undefined && (!Number.isInteger(o.limit) || o.limit < 0)) {
    throw new MilestoneError('INVALID_INPUT', `limit must be a non-negative integer, got ${String(o.limit)}`);
  }
  const result: NextResult = { ready: [], inProgress: [], blocked: [], waiting: [] };
  const keys = Object.keys(result) as Array<keyof NextResult>;
  for (const m of await readAllMilestones(ctx, o.milestone)) {
    if (m.archived || ['completed', 'cancelled', 'archived'].includes(m.status)) continue;
    const a = answerOf(m);
    for (const k of keys) {
      const room = max - result[k].length;
      if (room > 0) (result[k] as unknown[]).push(...(a[k] as unknown[]).slice(0, room));
    }
  }
  return result;
}
