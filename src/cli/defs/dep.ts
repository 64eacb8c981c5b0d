/** `git milestone dep add|rm <task> <depends-on>` */
import { changeDependency } from '../../core/changeDependency';
import type { Changed } from '../../core/milestoneAccess';
import type { TaskView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';

function depDef(verb: 'add' | 'rm'): CommandDef<Changed<TaskView>> {
  return {
    summary: verb === 'add' ? 'Make a task wait for another task of the same milestone (cycles are refused).' : 'Remove a dependency between two tasks.',
    examples: [`git milestone dep ${verb} 9c1e 4b7d`],
    args: [
      { name: 'task', description: 'The task that waits (id or unique prefix).', required: true },
      { name: 'dependsOn', description: 'The task it waits for.', required: true },
    ],
    execute: (ctx, input) => changeDependency(ctx, { task: input.args.task as string, dependsOn: input.args.dependsOn as string, remove: verb === 'rm' }),
    text: (t) => `${t.changed ? '' : 'Nothing changed: '}Task ${short(t.id)} ${oneLine(t.title)} depends on: ${t.dependsOn.map(short).join(', ') || 'nothing'}`,
  };
}

export const depAdd = depDef('add');
export const depRm = depDef('rm');
