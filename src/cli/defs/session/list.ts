/** `git milestone session list [--milestone M] [--all]` */
import { listSessions } from '../../../core/session/listSessions';
import type { SessionView } from '../../../core/session/sessionAccess';
import type { CommandDef } from '../../CommandDef';
import { oneLine, short, table } from '../../format';

const def: CommandDef<SessionView[]> = {
  summary: 'List sessions: active, paused and crashed ones (--all: ended ones too).',
  description: 'Sessions of other clones appear after `git milestone pull`. Status `crashed` also means an '
    + 'active session whose process is gone (this host) or whose heartbeat lapsed.',
  examples: ['git milestone session list', 'git milestone session list --milestone 3f2a --all --json'],
  flags: {
    milestone: { type: 'string', description: 'Only sessions of this milestone.' },
    all: { type: 'boolean', description: 'Include completed and abandoned sessions.' },
  },
  execute: (ctx, input) => listSessions(ctx, { milestone: input.flags.milestone as string | undefined, active: !input.flags.all }),
  text: (rows, _input, style) => (rows.length === 0 ? 'No sessions.' : table(rows.map((s) => [
    short(s.id), short(s.milestone), s.status, `${oneLine(s.owner.name)} (pid ${s.owner.pid} on ${oneLine(s.owner.host)})`,
    s.lastCheckpoint ? `${s.lastCheckpoint.at}${s.lastCheckpoint.message ? ` ${oneLine(s.lastCheckpoint.message)}` : ''}` : '-',
  ]), ['SESSION', 'MILESTONE', 'STATUS', 'OWNER', 'LAST CHECKPOINT'], style)),
};
export default def;
