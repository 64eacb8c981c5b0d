/** `git milestone task add` */
import { addTask } from '../../core/addTask';
import type { TaskView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';
import { parseGates } from '../../domain/workflow/outline';
import { hours } from './milestoneFlags';

const def: CommandDef<TaskView> = {
  summary: 'Add a task to a milestone.',
  description: 'Task ids are unique across all milestones. --depends-on names tasks of the same milestone (id or unique prefix); a dependency cycle is refused and nothing is written.',
  examples: [
    'git milestone task add 3f2a "Write the tokenizer"',
    'git milestone task add 3f2a "Write the parser" --depends-on 9c1e --assignee alice --json',
    'git milestone task add 3f2a "Design the AST" --workflow kiro',
    'git milestone task add 3f2a "Fix the typo" --workflow kiro --gate design=no --gate spec=no',
  ],
  args: [
    { name: 'milestone', description: 'Milestone id, unique prefix or alias.', required: true },
    { name: 'title', description: 'Task title (stored verbatim).', required: true },
  ],
  flags: {
    'depends-on': { type: 'string', multiple: true, description: 'A task this one waits for (repeatable).' },
    description: { type: 'string', char: 'd', description: 'Longer description.' },
    assignee: { type: 'string', description: 'Who does it.' },
    estimate: { type: 'string', description: 'Estimated hours.' },
    workflow: {
      type: 'string',
      description: 'Workflow the task follows, or none (default: the milestone\'s, else settings workflow.default).',
    },
    gate: { type: 'string', multiple: true, description: 'PHASE=yes|no: whether that phase needs approval for this task (repeatable).' },
  },
  execute: (ctx, input) =>
    addTask(ctx, {
      milestone: input.args.milestone as string,
      title: input.args.title as string,
      dependsOn: input.flags['depends-on'] as string[] | undefined,
      description: input.flags.description as string | undefined,
      assignee: input.flags.assignee as string | undefined,
      estimatedHours: hours(input.flags.estimate),
      workflow: input.flags.workflow as string | undefined,
      gates: parseGates((input.flags.gate as string[] | undefined) ?? []),
    }),
  text: (t) => `Added task ${short(t.id)} ${oneLine(t.title)} to milestone ${short(t.milestoneId)}`,
};
export default def;
