/** `git milestone pull|push|sync [remote]` */
import type { AbsorbReport } from '../../core/sync/absorbIncoming';
import type { NewConflicts } from '../../core/sync/newConflicts';
import { pullRemote, type PullResult } from '../../core/sync/pullRemote';
import { pushRemote, type PushResult } from '../../core/sync/pushRemote';
import { syncRemote, type SyncResult } from '../../core/sync/syncRemote';
import type { ArgDef, CommandDef } from '../CommandDef';
import { oneLine } from '../format';

const remoteArg: ArgDef = { name: 'remote', description: 'The remote to use (default: origin).' };
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function mergedText(r: AbsorbReport): string {
  const parts = [
    r.created && `${r.created} new`, r.fastForwarded && `${r.fastForwarded} updated`, r.merged && `${r.merged} merged`,
  ].filter(Boolean);
  const notes = Object.values(r.notes).some((n) => n === 'merged' || n === 'created') ? '; notes merged' : '';
  const lines = [`${parts.length ? `Milestones: ${parts.join(', ')}` : 'Milestones: already up to date'}${notes}.`];
  for (const e of r.errors) lines.push(`warning: not merged ${e.id.slice(0, 8)}: ${e.message}`);
  return lines.join('\n');
}

/** The milestones that came back with new conflicts, and how to see them; '' when none. */
export function newConflictsText(list: NewConflicts[]): string {
  if (list.length === 0) return '';
  const added = list.reduce((n, m) => n + m.added, 0);
  const rows = list.map((m) => `  ${m.shortId}  ${oneLine(m.title)}  (${m.added} new, ${m.conflicts} in all)`);
  return `\n${plural(added, 'new conflict')} in ${plural(list.length, 'milestone')}:\n${rows.join('\n')}\n`
    + `See them with \`git milestone list --conflicts\` or \`git milestone show ${list[0].shortId}\`; an edit of the field resolves one.`;
}

function pushedText(r: PushResult): string {
  const retried = r.attempts > 1 ? ` (the remote moved; merged and retried ${plural(r.attempts - 1, 'time')})` : '';
  return r.pushed.length ? `Pushed ${plural(r.pushed.length, 'ref')} to ${r.remote}${retried}.` : `Nothing to push: ${r.remote} is up to date${retried}.`;
}

export const pull: CommandDef<PullResult> = {
  summary: 'Fetch the milestones and notes of a remote and merge them into yours.',
  description: 'Runs `git fetch` (your SSH keys, credential helpers and insteadOf apply) into refs/remotes/<remote>/milestones/*, then merges every milestone: new ones are added, ones that moved ahead are fast-forwarded, and ones changed on both sides get a merge commit. Concurrent edits of one field are kept as conflicts (`git milestone list --conflicts`).',
  examples: ['git milestone pull', 'git milestone pull upstream --json'],
  args: [remoteArg],
  execute: (ctx, input) => pullRemote(ctx, { remote: input.args.remote }),
  text: (r) => `${mergedText(r)}\n${plural(r.total, 'milestone')} in total.${newConflictsText(r.newConflicts)}`,
  exitCode: (r) => (r.errors.length > 0 ? 1 : 0),
};

export const push: CommandDef<PushResult> = {
  summary: 'Send your milestones and notes to a remote (merging first if it moved).',
  description: 'Runs `git push` of refs/milestones/* and refs/notes/milestones, never forced. If another clone pushed first, fetches, merges and retries (a few times); nothing local is ever lost.',
  examples: ['git milestone push', 'git milestone push upstream'],
  args: [remoteArg],
  execute: (ctx, input) => pushRemote(ctx, { remote: input.args.remote }),
  text: (r) => `${pushedText(r)}${newConflictsText(r.newConflicts)}`,
};

export const sync: CommandDef<SyncResult> = {
  summary: 'Pull, then push: share your milestones with a remote both ways.',
  examples: ['git milestone sync', 'git milestone sync origin --json'],
  args: [remoteArg],
  execute: (ctx, input) => syncRemote(ctx, { remote: input.args.remote }),
  text: (r) => `${mergedText(r.pull)}\n${pushedText(r.push)}${newConflictsText([...r.pull.newConflicts, ...r.push.newConflicts])}`,
  exitCode: (r) => (r.pull.errors.length > 0 ? 1 : 0),
};
