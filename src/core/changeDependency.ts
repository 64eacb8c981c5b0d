/**
 * `git milestone dep add|rm <task> <depends-on>`: both tasks must be in the same milestone; a
 * dependency that would close a cycle is refused (the error shows the cycle) and nothing is written.
 * Adding a dependency that is already there writes nothing (`changed: false`).
 */
import { taskDependOp } from '../domain/ops/constructors';
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import type { TaskState } from '../domain/types';
import type { Context } from './context';
import { matchTask } from './matchTask';
import { writeMilestone, type Changed } from './milestoneAccess';
import { resolveTask } from './resolveTask';

export interface ChangeDependencyOptions {
  task: string;
  dependsOn: string;
  remove: boolean;
}

export async function changeDependency(ctx: Context, o: ChangeDependencyOptions): Promise<Changed<TaskView>> {
  const loc = await resolveTask(ctx, o.task);
  const { state, hashes } = await writeMilestone(ctx, loc.milestoneId, (s) => {
    const dep = matchTask(s, o.dependsOn);
    const task = s.tasks.find((t) => t.id === loc.taskId) as TaskState;
    if (!o.remove && task.dependsOn.includes(dep.id)) return [];
    if (o.remove && !task.dependsOn.includes(dep.id)) {
      throw new MilestoneError('NOT_FOUND', `task ${task.id.slice(0, 8)} does not depend on ${dep.id.slice(0, 8)}`, { data: { task: task.id, dependsOn: dep.id } });
    }
    return [taskDependOp({ task: task.id, add: o.remove ? [] : [dep.id], remove: o.remove ? [dep.id] : [] })];
  });
  return { ...taskView(state.tasks.find((t) => t.id === loc.taskId) as TaskState, state), changed: hashes.length > 0 };
}
