/** `git milestone archive` */
import { archiveMilestone } from '../../core/archiveMilestone';
import type { Changed } from '../../core/milestoneAccess';
import type { MilestoneView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';

const def: CommandDef<Changed<MilestoneView>> = {
  summary: 'Archive a milestone (hidden from `list` unless --all; history kept).',
  examples: ['git milestone archive 3f2a', 'git milestone archive 3f2a --undo'],
  args: [{ name: 'id', description: 'Milestone id, unique prefix or alias.', required: true }],
  flags: { undo: { type: 'boolean', description: 'Bring an archived milestone back.' } },
  execute: (ctx, input) => archiveMilestone(ctx, { id: input.args.id as string, archived: !input.flags.undo }),
  text: (m) => (m.changed
    ? `${m.archived ? 'Archived' : 'Unarchived'} milestone ${short(m.id)} ${oneLine(m.title)}`
    : `Nothing changed: milestone ${short(m.id)} ${oneLine(m.title)} is ${m.archived ? 'already' : 'not'} archived.`),
};
export default def;
