/**
 * What the commit-msg hook does to a message on a milestone branch, as a pure function: a plain
 * message gets the formatted header (commitHeader.ts) and `Milestone:` / `Task:` trailers
 * (trailers.ts); a message already in conventional form gets only the trailers; merges, fixup!/
 * squash!/amend! messages, reverts and amends are returned untouched, and so is a message with no
 * content (git then aborts the commit as usual).
 *
 * Comments: when git will strip comment lines (an editor was used, or commit.cleanup=strip) they are
 * ignored when finding the subject and paragraphs, and everything from the scissors line on is left
 * as it is. With `git commit -m` (no editor) a line starting with '#' is content.
 */
import { renderHeader, toDescription, wrap, type HeaderValues } from './commitHeader';
import { addTrailers, type Trailer } from './trailers';

export type MessageKind = 'empty' | 'merge' | 'fixup' | 'revert' | 'amend' | 'conventional' | 'plain';

export interface MessageSyntax {
  /** The comment character when git strips comments from this message, else null. */
  commentChar: string | null;
  /** The comment character of the scissors line git cuts at (default: commentChar). */
  scissorsChar?: string | null;
}

export interface FormatRequest extends MessageSyntax {
  format: string;
  values: Omit<HeaderValues, 'description'>;
  trailers: Trailer[];
  /** prepare-commit-msg's source argument (`merge`, `squash`, `commit`, ...), '' when none. */
  source: string;
}

const CONVENTIONAL = /^[a-z]+(\([^()\r\n]*\))?!?: \S/;

export function splitMessage(text: string, s: MessageSyntax): { lines: string[]; comment: boolean[]; tail: string } {
  let body = text;
  let tail = '';
  const cc = s.commentChar;
  const sc = s.scissorsChar === undefined ? cc : s.scissorsChar;
  if (sc) {
    const cut = `${sc} ------------------------ >8 ------------------------\n`;
    const at = text.startsWith(cut) ? 0 : text.indexOf(`\n${cut}`) + 1;
    if (at > 0 || text.startsWith(cut)) [body, tail] = [text.slice(0, at), text.slice(at)];
  }
  const lines = body.replace(/\n$/, '').split('\n');
  return { lines, comment: lines.map((l) => cc !== null && l.startsWith(cc)), tail };
}

export function classify(subject: string | undefined, source: string): MessageKind {
  if (subject === undefined) return 'empty';
  if (source === 'merge' || source === 'squash' || /^Merge /.test(subject)) return 'merge';
  if (source === 'commit') return 'amend';
  if (/^(fixup|squash|amend)! /.test(subject)) return 'fixup';
  if (/^Revert "/.test(subject)) return 'revert';
  return CONVENTIONAL.test(subject) ? 'conventional' : 'plain';
}

export interface FormatResult {
  kind: MessageKind;
  /** The new message text, or null when it stays as it is. */
  text: string | null;
}

export function formatCommitMessage(text: string, r: FormatRequest): FormatResult {
  const m = splitMessage(text, r);
  const at = m.lines.findIndex((l, i) => !m.comment[i] && l.trim() !== '');
  const kind = classify(at < 0 ? undefined : m.lines[at].trim(), r.source);
  if (kind !== 'plain' && kind !== 'conventional') return { kind, text: null };
  let { lines, comment } = m;
  if (kind === 'plain') {
    const description = toDescription(lines[at]);
    if (description === '') return { kind, text: null };
    const { header, overflow } = renderHeader(r.format, { ...r.values, description }, lines[at]);
    const next = lines.findIndex((l, i) => i > at && !comment[i]);
    const needsBlank = next >= 0 && lines[next].trim() !== '';
    const added = [header, ...(overflow === null ? [] : ['', ...wrap(overflow)]), ...(needsBlank ? [''] : [])];
    lines = [...lines.slice(0, at), ...added, ...lines.slice(at + 1)];
    comment = [...comment.slice(0, at), ...added.map(() => false), ...comment.slice(at + 1)];
  }
  const withTrailers = addTrailers({ lines, comment }, r.trailers);
  if (kind === 'conventional' && withTrailers === lines) return { kind, text: null };
  return { kind, text: `${withTrailers.join('\n')}\n${m.tail}` };
}
