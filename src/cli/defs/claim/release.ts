/** `git milestone release TASK` */
import { releaseClaim } from '../../../core/claim/releaseClaim';
import type { ClaimView } from '../../../domain/claim/claimState';
import type { CommandDef } from '../../CommandDef';
import { short } from '../../format';
import { AS_FLAG, REMOTE_FLAG, remoteOf } from './claimFlags';

const def: CommandDef<ClaimView> = {
  summary: 'Release your claim on a task, so another agent can take it.',
  description: 'Only the holder releases a claim (another holder\'s is refused with exit 14); `doctor --fix` clears lapsed ones.',
  examples: ['git milestone release 9c1e', 'git milestone release 9c1e --as agent-2 --json'],
  args: [{ name: 'task', description: 'Task id or unique prefix.', required: true }],
  flags: { as: AS_FLAG, remote: REMOTE_FLAG },
  execute: (ctx, input) => releaseClaim(ctx, { task: input.args.task as string, agent: input.flags.as as string | undefined, remote: remoteOf(input.flags) }),
  text: (c) => `Released task ${short(c.task)} (fencing ${c.fencing})`,
};
export default def;
