/** `git milestone task list` */
import { listTasks } from '../../core/listTasks';
import type { TaskView } from '../../domain/views';
import { TASK_STATUSES } from '../../domain/types';
import type { CommandDef } from '../CommandDef';
import { oneLine, short, table } from '../format';
import { idText, statusText } from '../style';

const def: CommandDef<TaskView[]> = {
  summary: 'List tasks of one milestone, or of all.',
  examples: ['git milestone task list 3f2a', 'git milestone task list --status in_progress --assignee alice --json'],
  args: [{ name: 'milestone', description: 'Milestone id, unique prefix or alias (default: all).' }],
  flags: {
    status: { type: 'string', multiple: true, options: TASK_STATUSES, description: 'Only these statuses (repeatable).' },
    assignee: { type: 'string', multiple: true, description: 'Only tasks assigned to this person (repeatable).' },
  },
  execute: (ctx, input) =>
    listTasks(ctx, { milestone: input.args.milestone, status: input.flags.status as string[] | undefined, assignee: input.flags.assignee as string[] | undefined }),
  text: (rows, _input, style) =>
    rows.length === 0
      ? 'No tasks.'
      : table(
        rows.map((t) => [
          idText(style, short(t.id)), short(t.milestoneId), statusText(style, t.status), oneLine(t.assignee ?? ''),
          t.dependsOn.map(short).join(','), oneLine(t.title),
        ]),
        ['ID', 'MILESTONE', 'STATUS', 'ASSIGNEE', 'DEPENDS ON', 'TITLE'],
        style,
      ),
};
export default def;
