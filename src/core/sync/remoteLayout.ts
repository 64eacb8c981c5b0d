/**
 * Where other clones' milestone refs land, and the refspecs that move them.
 *
 *   refs/remotes/<remote>/milestones/<kind>/<id>   remote-tracking tips (fetched; merged into
 *                                                  refs/milestones/<kind>/<id> by the next command)
 *   refs/notes/remotes/<remote>/milestones          the remote's commit notes (merged into
 *                                                  refs/notes/milestones with cat_sort_uniq)
 *
 * The notes refspecs end in `*` on purpose. An exact refspec that the remote does not have
 * (before anyone has written a note) would make a plain `git fetch` fail. A pattern that matches
 * nothing is fine.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { isValidRefName } from '../../storage/format/refNames';

export const NOTES_REF = 'refs/notes/milestones';
export const NOTES_TRACKING_ROOT = 'refs/notes/remotes/';
export const DEFAULT_REMOTE = 'origin';

export function trackingPrefix(remote: string): string {
  return `refs/remotes/${remote}/milestones/`;
}

export function notesTrackingRef(remote: string): string {
  return `${NOTES_TRACKING_ROOT}${remote}/milestones`;
}

/** What `git fetch <remote>` should also bring: every milestone ref and the notes. */
export function fetchRefspecs(remote: string): string[] {
  return [`+refs/milestones/*:${trackingPrefix(remote)}*`, `+${NOTES_REF}*:${notesTrackingRef(remote)}*`];
}

/** What a milestone push sends: never forced, so a remote that moved rejects it. */
export const PUSH_REFSPECS = ['refs/milestones/*:refs/milestones/*', `${NOTES_REF}*:${NOTES_REF}*`];

/** A remote name usable inside ref names; USAGE otherwise. */
export function checkRemoteName(remote: string): string {
  if (remote !== '' && !remote.startsWith('-') && !remote.includes(':') && isValidRefName(`refs/remotes/${remote}/x`)) return remote;
  throw new MilestoneError('USAGE', `not a usable remote name: ${JSON.stringify(remote)}`, {
    hint: 'Give the name of a configured remote (`git remote -v` lists them).',
  });
}
