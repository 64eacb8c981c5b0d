/** `git milestone rm` */
import { removeMilestone, type RemoveResult } from '../../core/removeMilestone';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';

const def: CommandDef<RemoveResult> = {
  summary: 'Delete a milestone (a tombstone operation; the history stays in git).',
  description: 'The milestone disappears from every listing. Its ref is kept so other clones learn of the deletion when they merge; `git milestone log <id>` still shows its history.',
  examples: ['git milestone rm 3f2a', 'git milestone rm milestone-001 --json'],
  args: [{ name: 'id', description: 'Milestone id, unique prefix or alias.', required: true }],
  execute: (ctx, input) => removeMilestone(ctx, { id: input.args.id as string }),
  text: (r) => `Deleted milestone ${short(r.id)} ${oneLine(r.title)}`,
};
export default def;
