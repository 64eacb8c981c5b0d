/** `git milestone session show ID` */
import { showSession } from '../../../core/session/showSession';
import type { SessionView } from '../../../core/session/sessionAccess';
import type { CommandDef } from '../../CommandDef';
import { sessionText } from './sessionText';

const def: CommandDef<SessionView> = {
  summary: 'Show a session: owner, status, heartbeat and its last checkpoint.',
  examples: ['git milestone session show 7b1c', 'git milestone session show 7b1c --json'],
  args: [{ name: 'session', description: 'Session id or unique prefix (4+ characters).', required: true }],
  execute: (ctx, input) => showSession(ctx, { session: input.args.session as string }),
  text: (s) => sessionText(s),
};
export default def;
