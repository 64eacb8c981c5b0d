/**
 * Merges another clone's commit notes (`refs/notes/remotes/<remote>/milestones`, or a restored
 * bundle's) into `refs/notes/milestones`. Each note is one JSON event per line, each with a unique
 * id, so git's `cat_sort_uniq` strategy (concatenate, sort, drop duplicate lines) merges any two
 * versions without conflicts. A missing local ref is simply set; equal refs are left alone.
 *
 * A notes merge writes a commit, so it needs a committer identity. When git knows none (CI, a
 * fresh container), a neutral one is supplied rather than failing a sync over it.
 */
import type { Context } from '../context';
import { gitFailed } from '../../errors/gitFailed';
import { NOTES_REF } from './remoteLayout';

export type NotesOutcome = 'absent' | 'up-to-date' | 'created' | 'merged';

const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'git-milestone',
  GIT_AUTHOR_EMAIL: 'git-milestone@localhost',
  GIT_COMMITTER_NAME: 'git-milestone',
  GIT_COMMITTER_EMAIL: 'git-milestone@localhost',
};

export async function mergeNotes(ctx: Context, from: string): Promise<NotesOutcome> {
  const theirs = await ctx.storage.refs.read(from);
  if (theirs === null) return 'absent';
  const mine = await ctx.storage.refs.read(NOTES_REF);
  if (mine === theirs) return 'up-to-date';
  if (mine === null) {
    await ctx.storage.refs.cas(NOTES_REF, null, theirs);
    return 'created';
  }
  const args = ['notes', `--ref=${NOTES_REF}`, 'merge', '--quiet', '--strategy=cat_sort_uniq', from];
  let r = ctx.git.mergeNotes(NOTES_REF, from, { strategy: 'cat_sort_uniq' });
  if (r.status !== 0 && /ident|tell me who you are/i.test(r.stderr)) r = ctx.git.mergeNotes(NOTES_REF, from, { strategy: 'cat_sort_uniq', env: FALLBACK_IDENTITY });
  if (r.status !== 0) throw gitFailed(args, r, `Your notes are unchanged. Inspect them with \`git log ${NOTES_REF}\` and \`git log ${from}\`.`);
  const after = await ctx.storage.refs.read(NOTES_REF);
  return after === mine ? 'up-to-date' : 'merged';
}
