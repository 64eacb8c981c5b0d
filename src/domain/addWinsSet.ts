/**
 * Add-wins sets (labels, milestone dependencies, aliases, task dependencies): an observed-remove
 * set. Each add tags its member with the adding operation's hash. A remove records in `prev` the
 * tags it saw (stamped by prepare.ts) and takes away only those. So when a remove and an add run
 * concurrently in two clones, the add survives the merge, whatever order they are folded in.
 *
 * Members present at creation (or from snapshots written before tags existed) carry the implicit
 * tag IMPLICIT_TAG, which every later remove has seen. A remove without `prev` (an older writer)
 * takes away every tag folded before it: what every remove did before.
 */
import type { Operation, TagMap } from './types';
import { compareStrings, getEntry, isPlainObject, isStringArray, unique, withEntry } from './values';

/** The tag of members added by the creating operation (every writer has seen it). */
export const IMPLICIT_TAG = '';

/** The live tags of a member: its explicit entry, or the implicit tag when it is present without one. */
export function tagsOf(members: readonly string[], tags: TagMap | undefined, member: string): string[] {
  return getEntry(tags, member) ?? (members.includes(member) ? [IMPLICIT_TAG] : []);
}

/** The `prev` a writer stamps on a remove: for each removed member, the tags it sees. */
export function removalPrev(members: readonly string[], tags: TagMap | undefined, removed: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(removed.map((m): [string, string[]] => [m, tagsOf(members, tags, m)]));
}

export interface SetChange {
  members: string[];
  tags: TagMap;
}

export interface ApplySetOptions {
  members: readonly string[];
  tags: TagMap | undefined;
  add: readonly string[];
  remove: readonly string[];
  op: Operation;
  hash: string;
  /** Drops added values that validate would have refused (apply is total). */
  accept: (value: string) => boolean;
  /** Sorted by code units, or in order of (re)addition. */
  sorted: boolean;
}

/** Removes first (only the tags the operation saw), then adds; the same set in every clone. */
export function applySetChange(o: ApplySetOptions): SetChange {
  const prev = isPlainObject(o.op.prev) ? o.op.prev : undefined;
  let members = [...o.members];
  let tags: TagMap = o.tags ?? {};
  for (const member of unique(o.remove)) {
    if (!members.includes(member)) continue;
    const have = tagsOf(members, tags, member);
    const seenRaw = prev === undefined ? have : getEntry(prev, member);
    const seen = isStringArray(seenRaw) ? seenRaw : [];
    const left = have.filter((t) => !seen.includes(t));
    if (left.length > 0) {
      tags = withEntry(tags, member, left);
    } else {
      members = members.filter((m) => m !== member);
      tags = withEntry<string[]>(tags, member, undefined);
    }
  }
  for (const member of unique(o.add.filter(o.accept))) {
    tags = withEntry(tags, member, unique([...tagsOf(members, tags, member), o.hash]));
    if (!members.includes(member)) members.push(member);
  }
  return { members: o.sorted ? members.sort(compareStrings) : members, tags };
}
