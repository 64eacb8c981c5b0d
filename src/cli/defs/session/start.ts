/** `git milestone session start MILESTONE` */
import { startSession } from '../../../core/session/startSession';
import type { SessionView } from '../../../core/session/sessionAccess';
import type { CommandDef } from '../../CommandDef';
import { short } from '../../format';

const def: CommandDef<SessionView> = {
  summary: 'Start a session on a milestone (refs/milestones/session/<id>).',
  description: 'The owner is your git identity, this host and the process you work in (the shell or agent '
    + 'that ran the command; --pid names another). A session whose process is gone, or whose heartbeat '
    + 'lapsed (session_timeout, default 15 min), shows as crashed.',
  examples: ['git milestone session start 3f2a', 'git milestone session start 3f2a --pid 4242 --json'],
  args: [{ name: 'milestone', description: 'Milestone id, unique prefix or alias.', required: true }],
  flags: { pid: { type: 'integer', description: 'The process the session belongs to (default: the caller).' } },
  execute: (ctx, input) => startSession(ctx, { milestone: input.args.milestone as string, pid: input.flags.pid as number | undefined }),
  text: (s) => `Started session ${short(s.id)} on milestone ${short(s.milestone)} (pid ${s.owner.pid} on ${s.owner.host})`,
};
export default def;
