/**
 * The events git-milestone keeps in git notes (`refs/notes/milestones`): one JSON object per line,
 * each with an `id` that is the sha256 of its other fields in canonical JSON. Equal events from two
 * clones are the same line, different ones differ, so notes merge with git's `cat_sort_uniq`
 * strategy (concatenate, sort, drop duplicate lines) without losing or doubling anything.
 *
 *   {"id":"…","type":"commit-link","milestone":"<full id>","task":"<full id>|null","branch":"…","at":"…"}
 *
 * Readers skip blank lines (`git notes append` separates appended text with one) and lines that are
 * not JSON objects, so hand-written notes on the same ref do no harm.
 */
import { sha256Hex } from './sha256';
import { canonicalJson } from './canonical';

export const NOTES_REF = 'refs/notes/milestones';

export interface CommitLinkEvent {
  id: string;
  type: 'commit-link';
  milestone: string;
  task: string | null;
  branch: string | null;
  at: string;
}

export function commitLinkEvent(o: Omit<CommitLinkEvent, 'id' | 'type'>): CommitLinkEvent {
  const rest = { type: 'commit-link' as const, milestone: o.milestone, task: o.task, branch: o.branch, at: o.at };
  return { id: sha256Hex(canonicalJson(rest)), ...rest };
}

/** One note line (no newline). */
export function eventLine(e: CommitLinkEvent): string {
  return JSON.stringify(e);
}

/** The commit-link events in a note's text (other lines are ignored). */
export function parseNote(text: string): CommitLinkEvent[] {
  const out: CommitLinkEvent[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      const e = JSON.parse(t) as Partial<CommitLinkEvent>;
      if (e && e.type === 'commit-link' && typeof e.milestone === 'string' && typeof e.id === 'string') {
        out.push({ id: e.id, type: 'commit-link', milestone: e.milestone, task: typeof e.task === 'string' ? e.task : null, branch: typeof e.branch === 'string' ? e.branch : null, at: String(e.at ?? '') });
      }
    } catch {
      // not ours
    }
  }
  return out;
}
