/** `git milestone task edit|start|done|block|rm`: one factory, since they differ only in what they write. */
import { startTask } from '../../core/branch/startTask';
import type { Changed } from '../../core/milestoneAccess';
import { updateTask } from '../../core/updateTask';
import type { TaskView } from '../../domain/views';
import { TASK_STATUSES } from '../../domain/types';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';
import { withFencing } from './claim/fencingFlag';
import { hours } from './milestoneFlags';

const taskArg = [{ name: 'task', description: 'Task id or unique prefix.', required: true }];

function statusDef(verb: string, status: string, summary: string): CommandDef<Changed<TaskView>> {
  return withFencing({
    summary,
    examples: [`git milestone task ${verb} 9c1e`, `git milestone task ${verb} 9c1e --json`],
    args: taskArg,
    execute: (ctx, input) => updateTask(ctx, { task: input.args.task as string, status }),
    text: (t) => (t.changed
      ? `Task ${short(t.id)} ${oneLine(t.title)} is now ${t.status}`
      : `Nothing changed: task ${short(t.id)} ${oneLine(t.title)} is already ${t.status}.`),
  });
}

export const taskStart: CommandDef<Changed<TaskView>> = withFencing({
  ...statusDef('start', 'in_progress', 'Start a task (status in_progress; records when). With auto_branch, also creates and checks out its branch.'),
  execute: (ctx, input) => startTask(ctx, input.args.task as string),
});
export const taskDone = statusDef('done', 'completed', 'Complete a task (records when).');
export const taskBlock = statusDef('block', 'blocked', 'Mark a task blocked.');

export const taskEdit: CommandDef<Changed<TaskView>> = withFencing({
  summary: 'Change a task: title, description, assignee, estimate or status.',
  examples: ['git milestone task edit 9c1e --title "Write the LR parser"', 'git milestone task edit 9c1e --assignee bob --status pending'],
  args: taskArg,
  flags: {
    title: { type: 'string', char: 't', description: 'New title.' },
    description: { type: 'string', char: 'd', description: 'New description.' },
    assignee: { type: 'string', description: 'Who does it.' },
    estimate: { type: 'string', description: 'Estimated hours.' },
    status: { type: 'string', options: TASK_STATUSES, description: 'New status.' },
  },
  execute: (ctx, input) =>
    updateTask(ctx, {
      task: input.args.task as string,
      fields: { title: input.flags.title, description: input.flags.description, assignee: input.flags.assignee, estimatedHours: hours(input.flags.estimate) },
      status: input.flags.status as string | undefined,
    }),
  text: (t) => (t.changed
    ? `Updated task ${short(t.id)} ${oneLine(t.title)} (${t.status})`
    : `Nothing changed: task ${short(t.id)} ${oneLine(t.title)} already has those values.`),
});

export const taskRm: CommandDef<Changed<TaskView>> = {
  summary: 'Remove a task (a tombstone; its history stays).',
  examples: ['git milestone task rm 9c1e'],
  args: taskArg,
  execute: (ctx, input) => updateTask(ctx, { task: input.args.task as string, remove: true }),
  text: (t) => `Removed task ${short(t.id)} ${oneLine(t.title)}`,
};
