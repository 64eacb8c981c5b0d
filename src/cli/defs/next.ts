/** `git milestone next` */
import { nextTasks, type NextResult } from '../../core/nextTasks';
import type { TaskView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { oneLine, short, table } from '../format';

const def: CommandDef<NextResult | TaskView[]> = {
  id: 'next',
  summary: 'Tasks ready to start now, and why the others wait.',
  description: 'A task is ready when it is pending and every task it depends on is completed or cancelled. With --json the output is the array of ready tasks (add --explain for the full object with waiting reasons).',
  examples: ['git milestone next', 'git milestone next 3f2a --json', 'git milestone next --explain --json'],
  args: [{ name: 'milestone', description: 'Only this milestone (id, prefix or alias).' }],
  flags: { explain: { type: 'boolean', description: 'With --json: print {ready, inProgress, blocked, waiting} instead of only the ready tasks.' } },
  readOnly: true,
  async execute(ctx, input) {
    const r = await nextTasks(ctx, { milestone: input.args.milestone });
    return input.flags.json && !input.flags.explain ? r.ready : r;
  },
  text(result) {
    const r = result as NextResult;
    const parts: string[] = [];
    parts.push(r.ready.length === 0 ? 'Nothing is ready to start.' : `Ready:\n${table(r.ready.map((t) => [short(t.id), short(t.milestoneId), oneLine(t.title)]))}`);
    if (r.inProgress.length) parts.push(`In progress:\n${table(r.inProgress.map((t) => [short(t.id), t.assignee ?? '', oneLine(t.title)]))}`);
    if (r.blocked.length) parts.push(`Blocked:\n${table(r.blocked.map((t) => [short(t.id), t.assignee ?? '', oneLine(t.title)]))}`);
    if (r.waiting.length) parts.push(`Waiting:\n${r.waiting.map((w) => `${short(w.task.id)} ${oneLine(w.task.title)}\n${w.reasons.map((x) => `    ${oneLine(x)}`).join('\n')}`).join('\n')}`);
    return parts.join('\n\n');
  },
};
export default def;
