/** `git milestone claim TASK [--ttl 30m] [--as NAME] [--remote NAME]` */
import { claimTask } from '../../../core/claim/claimTask';
import type { ClaimView } from '../../../domain/claim/claimState';
import type { CommandDef } from '../../CommandDef';
import { AS_FLAG, claimLine, REMOTE_FLAG, remoteOf, TTL_FLAG, ttlOf } from './claimFlags';

const def: CommandDef<ClaimView> = {
  summary: 'Claim a task: take its lease (or renew your own) so no other agent works on it.',
  description: 'The claim is a ref updated by compare-and-swap; with --remote (or coordination.claims_remote) it '
    + 'is made on that remote by one atomic push, so two machines never hold one task. A task that is '
    + 'done, waits for another, or is held by someone else is refused (exit 14 names the holder and the '
    + 'expiry). A lease that lapsed can be taken over; the fencing number printed rises with every new '
    + 'holder: pass it on your writes (--fencing N or MILESTONE_FENCING) so a late write after losing '
    + 'the lease is refused.',
  examples: [
    'git milestone claim 9c1e',
    'git milestone claim 9c1e --ttl 10m --as agent-2 --json',
    'git milestone claim 9c1e --remote origin',
  ],
  args: [{ name: 'task', description: 'Task id or unique prefix.', required: true }],
  flags: { ttl: TTL_FLAG, as: AS_FLAG, remote: REMOTE_FLAG },
  execute: (ctx, input) => claimTask(ctx, {
    task: input.args.task as string, ttlMs: ttlOf(input.flags), agent: input.flags.as as string | undefined, remote: remoteOf(input.flags),
  }),
  text: (c) => `Claimed ${claimLine(c)}`,
};
export default def;
