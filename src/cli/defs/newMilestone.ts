/** `git milestone new` (alias `plan`) */
import { createMilestone } from '../../core/createMilestone';
import { createFromTemplate, parseVars } from '../../core/template/createFromTemplate';
import type { MilestoneView } from '../../domain/views';
import { MilestoneError } from '../../errors/MilestoneError';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';
import { milestoneFieldFlags, milestoneFieldsFrom } from './milestoneFlags';

const def: CommandDef<MilestoneView> = {
  summary: 'Create a milestone (or one with its tasks from a template).',
  description: 'With --template NAME the milestone, its tasks, their dependencies and its workflow come from '
    + '.milestones/templates/NAME.yaml; each {{variable}} needs a --var (or a default in the template). '
    + 'TITLE and the field flags then override the template. Nothing is written on any error.',
  examples: [
    'git milestone new "Ship the parser"',
    'git milestone new "Beta" --priority high --due 2026-12-31 --label release --json',
    'git milestone new --template release --var version=2.1 --var owner=alice',
    'git milestone new "Parser" --workflow kiro',
  ],
  args: [{
    name: 'title',
    description: 'Title (stored verbatim: quotes, newlines and unicode are kept); optional with --template.',
  }],
  flags: {
    ...milestoneFieldFlags,
    label: { type: 'string', multiple: true, description: 'Label to add (repeatable).' },
    template: {
      type: 'string',
      description: 'Create from .milestones/templates/NAME.yaml (tasks, dependencies, workflow).',
    },
    var: { type: 'string', multiple: true, description: 'A template variable, key=value (repeatable).' },
    workflow: { type: 'string', description: 'Workflow its tasks follow (e.g. kiro; `task add --workflow` overrides one task).' },
  },
  execute: (ctx, input) => {
    const labels = (input.flags.label as string[] | undefined) ?? [];
    const fields = { ...milestoneFieldsFrom(input.flags), labels };
    const vars = (input.flags.var as string[] | undefined) ?? [];
    if (typeof input.flags.template === 'string') {
      const title = input.args.title;
      return createFromTemplate(ctx, {
        template: input.flags.template,
        vars: parseVars(vars),
        overrides: { ...fields, ...(title !== undefined ? { title } : {}) },
      });
    }
    if (vars.length > 0) throw new MilestoneError('USAGE', '--var needs --template');
    if (input.args.title === undefined) {
      throw new MilestoneError('USAGE', 'missing the milestone title', { hint: 'git milestone new "TITLE"' });
    }
    return createMilestone(ctx, { title: input.args.title, ...fields, workflow: input.flags.workflow as string | undefined });
  },
  text: (m) => {
    const tasks = m.tasks.length > 0 ? ` with ${m.tasks.length} task(s)` : '';
    return `Created milestone ${short(m.id)} ${oneLine(m.title)}${tasks}`;
  },
};
export default def;
