/** `git milestone session pause ID` and `git milestone session end ID [--abandon]` */
import { setSessionStatus } from '../../../core/session/setSessionStatus';
import type { SessionView } from '../../../core/session/sessionAccess';
import type { CommandDef } from '../../CommandDef';
import { short } from '../../format';

export const pause: CommandDef<SessionView> = {
  summary: 'Pause a session (resume it with `session resume`).',
  examples: ['git milestone session pause 7b1c', 'git milestone session pause 7b1c --json'],
  args: [{ name: 'session', description: 'Session id or unique prefix.', required: true }],
  execute: (ctx, input) => setSessionStatus(ctx, { session: input.args.session as string, status: 'paused' }),
  text: (s) => `Paused session ${short(s.id)}`,
};

export const end: CommandDef<SessionView> = {
  summary: 'End a session: completed, or abandoned with --abandon. An ended session stays ended.',
  examples: ['git milestone session end 7b1c', 'git milestone session end 7b1c --abandon --json'],
  args: [{ name: 'session', description: 'Session id or unique prefix.', required: true }],
  flags: { abandon: { type: 'boolean', description: 'Record it as abandoned instead of completed.' } },
  execute: (ctx, input) => setSessionStatus(ctx, {
    session: input.args.session as string, status: input.flags.abandon ? 'abandoned' : 'completed',
  }),
  text: (s) => `Session ${short(s.id)} ${s.status}`,
};
