/** `git milestone session checkpoint [ID] [-m TEXT]` */
import { checkpointSession } from '../../../core/session/checkpointSession';
import { currentSession } from '../../../core/session/currentSession';
import type { CheckpointView } from '../../../core/session/sessionAccess';
import type { CommandDef } from '../../CommandDef';
import { checkpointText } from './sessionText';

const def: CommandDef<CheckpointView> = {
  summary: 'Record a checkpoint: branch, HEAD, work tree, tasks in progress, next tasks, uncommitted changes.',
  description: 'Uncommitted changes (staged, unstaged and untracked files) are saved as a stash commit kept with '
    + 'the session, without touching the work tree. Without ID: MILESTONE_SESSION_ID, else this host\'s newest '
    + 'active or paused session.',
  examples: ['git milestone session checkpoint -m "parser half done"', 'git milestone session checkpoint 7b1c --json'],
  args: [{ name: 'session', description: 'Session id or unique prefix (default: the current one).' }],
  flags: {
    message: { type: 'string', char: 'm', description: 'What the checkpoint is about.' },
    worktree: { type: 'string', description: 'The work tree to record (default: this one).' },
  },
  execute: async (ctx, input) => checkpointSession(ctx, {
    session: await currentSession(ctx, input.args.session),
    message: input.flags.message as string | undefined,
    worktree: input.flags.worktree as string | undefined,
  }),
  text: (c) => checkpointText(c),
};
export default def;
