/** `git milestone session resume ID [--worktree PATH]` */
import { resumeSession, type ResumeResult } from '../../../core/session/resumeSession';
import type { CommandDef } from '../../CommandDef';
import { oneLine, short } from '../../format';

const def: CommandDef<ResumeResult> = {
  summary: 'Resume a session: restore the branch, work tree and uncommitted changes of its last checkpoint.',
  description: 'Works in this clone or another (run `git milestone pull` there first: the saved changes travel '
    + 'with the session). The checkpoint\'s work tree is used when it belongs to this repository, else this one; '
    + '--worktree PATH names another (a missing PATH becomes a linked work tree). A work tree with uncommitted '
    + 'changes is refused and nothing changes. The session becomes active, owned by your process.',
  examples: ['git milestone session resume 7b1c', 'git milestone session resume 7b1c --worktree ../agent-2 --json'],
  args: [{ name: 'session', description: 'Session id or unique prefix.', required: true }],
  flags: { worktree: { type: 'string', description: 'The work tree to resume in.' } },
  needsWorkTree: true,
  execute: (ctx, input) => resumeSession(ctx, { session: input.args.session as string, worktree: input.flags.worktree as string | undefined }),
  text: (r) => [
    `Resumed session ${short(r.session.id)}${r.worktree ? ` in ${oneLine(r.worktree)}` : ''}${r.branch ? ` on branch ${oneLine(r.branch)}` : ''}`,
    r.restored ? 'Uncommitted changes of the checkpoint restored.' : 'No uncommitted changes to restore.',
    r.tasks.length > 0 ? `In progress: ${r.tasks.map((t) => `${short(t.task)}${t.phase ? ` (${oneLine(t.phase)})` : ''}`).join(', ')}` : null,
    r.next.length > 0 ? `Next: ${r.next.map(short).join(', ')}` : 'Next: nothing ready (`git milestone next` checks again).',
  ].filter((l): l is string => l !== null).join('\n'),
};
export default def;
