/** `git milestone heartbeat [TASK]` */
import { heartbeatAll } from '../../../core/claim/heartbeatAll';
import { heartbeatClaim } from '../../../core/claim/heartbeatClaim';
import type { ClaimView } from '../../../domain/claim/claimState';
import type { CommandDef } from '../../CommandDef';
import { AS_FLAG, claimLine, REMOTE_FLAG, remoteOf, TTL_FLAG, ttlOf } from './claimFlags';

const def: CommandDef<ClaimView[]> = {
  summary: 'Extend your lease on a claimed task (every task you hold, without TASK).',
  description: 'A lease that lapsed but that nobody took over is still yours. Once another holder took the task (or you released it), heartbeat fails with exit 14: stop working on it.',
  examples: ['git milestone heartbeat 9c1e', 'git milestone heartbeat --as agent-2 --ttl 10m --json'],
  args: [{ name: 'task', description: 'Task id or unique prefix (default: every task this agent holds).' }],
  flags: { ttl: TTL_FLAG, as: AS_FLAG, remote: REMOTE_FLAG },
  async execute(ctx, input) {
    const o = { ttlMs: ttlOf(input.flags), agent: input.flags.as as string | undefined, remote: remoteOf(input.flags) };
    return input.args.task === undefined ? heartbeatAll(ctx, o) : [await heartbeatClaim(ctx, { ...o, task: input.args.task })];
  },
  text: (cs) => (cs.length === 0 ? 'You hold no claims.' : cs.map((c) => `Renewed ${claimLine(c)}`).join('\n')),
};
export default def;
