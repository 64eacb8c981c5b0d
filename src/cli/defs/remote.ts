/** `git milestone remote setup [remote] [--with-push]` */
import { setupRemote, type RemoteSetupResult } from '../../core/sync/setupRemote';
import type { CommandDef } from '../CommandDef';

function text(r: RemoteSetupResult): string {
  const lines = [
    r.fetch.added.length
      ? `A plain \`git fetch ${r.remote}\` now also brings milestones and notes (added ${r.fetch.added.join(' ')}).`
      : `\`git fetch ${r.remote}\` already brings milestones and notes.`,
  ];
  if (r.push) {
    lines.push(r.push.added.length
      ? `A plain \`git push ${r.remote}\` now sends the current branch and the milestones (added ${r.push.added.join(' ')}).`
      : `\`git push ${r.remote}\` already sends the current branch and the milestones.`);
  } else {
    lines.push(`A plain \`git push\` is unchanged; use \`git milestone push\`, or run this again with --with-push.`);
  }
  return lines.join('\n');
}

const def: CommandDef<RemoteSetupResult> = {
  summary: 'Make plain `git fetch` (and, with --with-push, `git push`) carry the milestones of a remote.',
  description: 'Adds fetch refspecs for refs/milestones/* and the notes to remote.<name>.fetch; the next git-milestone command merges what a fetch brought. --with-push also adds HEAD and the milestone refs to remote.<name>.push, so a plain `git push` sends the current branch and the milestones together. Safe to run again.',
  examples: ['git milestone remote setup', 'git milestone remote setup upstream --with-push'],
  args: [{ name: 'remote', description: 'The remote to set up (default: origin).' }],
  flags: {
    'with-push': { type: 'boolean', description: 'Also make a plain `git push` send the current branch and the milestone refs.' },
  },
  execute: (ctx, input) => setupRemote(ctx, { remote: input.args.remote, withPush: Boolean(input.flags['with-push']) }),
  text,
};
export default def;
