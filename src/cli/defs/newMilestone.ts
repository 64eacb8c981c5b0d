/** `git milestone new` (alias `plan`) */
import { createMilestone } from '../../core/createMilestone';
import type { MilestoneView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';
import { milestoneFieldFlags, milestoneFieldsFrom } from './milestoneFlags';

const def: CommandDef<MilestoneView> = {
  summary: 'Create a milestone.',
  examples: [
    'git milestone new "Ship the parser"',
    'git milestone new "Beta" --priority high --due 2026-12-31 --label release --json',
  ],
  args: [{ name: 'title', description: 'Title (stored verbatim: quotes, newlines and unicode are kept).', required: true }],
  flags: {
    ...milestoneFieldFlags,
    label: { type: 'string', multiple: true, description: 'Label to add (repeatable).' },
  },
  execute: (ctx, input) =>
    createMilestone(ctx, {
      title: input.args.title as string,
      ...milestoneFieldsFrom(input.flags),
      labels: (input.flags.label as string[] | undefined) ?? [],
    }),
  text: (m) => `Created milestone ${short(m.id)} ${oneLine(m.title)}`,
};
export default def;
