/**
 * `git milestone next [milestone]`: tasks ready to start (pending, every dependency done), those
 * in progress or blocked, and for the pending others the reason they wait.
 */
import { nextTasks as readiness } from '../domain/readiness';
import { taskView, type TaskView } from '../domain/views';
import type { Context } from './context';
import { readAllMilestones } from './readAllMilestones';

export interface NextResult {
  ready: TaskView[];
  inProgress: TaskView[];
  blocked: TaskView[];
  waiting: Array<{ task: TaskView; reasons: string[] }>;
}

export async function nextTasks(ctx: Context, o: { milestone?: string }): Promise<NextResult> {
  const result: NextResult = { ready: [], inProgress: [], blocked: [], waiting: [] };
  for (const m of await readAllMilestones(ctx, o.milestone)) {
    if (m.archived || ['completed', 'cancelled', 'archived'].includes(m.status)) continue;
    const r = readiness(m);
    result.ready.push(...r.ready.map((t) => taskView(t, m)));
    result.inProgress.push(...r.inProgress.map((t) => taskView(t, m)));
    result.blocked.push(...r.blocked.map((t) => taskView(t, m)));
    result.waiting.push(...r.waiting.map((w) => ({ task: taskView(w.task, m), reasons: w.reasons })));
  }
  return result;
}
