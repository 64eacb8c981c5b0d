/** `git milestone session cleanup [--milestone M]` */
import { cleanupSessions, type CleanupResult } from '../../../core/session/cleanupSessions';
import type { CommandDef } from '../../CommandDef';
import { short } from '../../format';

const def: CommandDef<CleanupResult> = {
  summary: 'Mark crashed sessions: active ones whose process is gone (this host) or whose heartbeat lapsed.',
  examples: ['git milestone session cleanup', 'git milestone session cleanup --milestone 3f2a --json'],
  flags: { milestone: { type: 'string', description: 'Only sessions of this milestone.' } },
  execute: (ctx, input) => cleanupSessions(ctx, { milestone: input.flags.milestone as string | undefined }),
  text: (r) => (r.crashed.length === 0 ? `${r.checked} open session${r.checked === 1 ? '' : 's'}, none crashed.`
    : r.crashed.map((s) => `Session ${short(s.id)} marked crashed (${s.crashReason}); \`git milestone session resume ${short(s.id)}\` continues it`).join('\n')),
};
export default def;
