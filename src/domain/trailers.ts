/**
 * Adds `Key: value` trailers to a commit message the way `git interpret-trailers` reads them: in
 * the message's last paragraph when that paragraph already is a trailer block (Signed-off-by, ...),
 * else as a new paragraph after a blank line. Comment lines (which git strips afterwards) are
 * skipped when looking for paragraphs, and the trailers go right after the last content line, so a
 * trailing comment block stays below them. A trailer already present with the same value is not
 * repeated.
 */

export type Trailer = [key: string, value: string];

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/;

export interface MessageLines {
  lines: string[];
  /** Per line: true when git will strip it as a comment. */
  comment: boolean[];
}

/** Existing trailers of the last paragraph (empty when it is not a trailer block). */
export function lastTrailerBlock(m: MessageLines): { start: number; end: number; trailers: Trailer[] } | null {
  const content = m.lines.map((_, i) => i).filter((i) => !m.comment[i]);
  let end = content.length - 1;
  while (end >= 0 && m.lines[content[end]].trim() === '') end--;
  if (end < 0) return null;
  let start = end;
  while (start > 0 && m.lines[content[start - 1]].trim() !== '') start--;
  const first = content.findIndex((i) => m.lines[i].trim() !== '');
  if (start === first) return { start: content[start], end: content[end], trailers: [] }; // the subject paragraph
  const trailers: Trailer[] = [];
  for (let k = start; k <= end; k++) {
    const line = m.lines[content[k]];
    const t = TRAILER_LINE.exec(line);
    if (t) trailers.push([t[1], t[2].trim()]);
    else if (!/^\s/.test(line) || trailers.length === 0) return { start: content[start], end: content[end], trailers: [] };
  }
  return { start: content[start], end: content[end], trailers };
}

/** The message lines with `add` appended as trailers (nothing changes when all are present). */
export function addTrailers(m: MessageLines, add: Trailer[]): string[] {
  const block = lastTrailerBlock(m);
  if (!block) return m.lines;
  const have = new Set(block.trailers.map(([k, v]) => `${k.toLowerCase()}\0${v}`));
  const missing = add.filter(([k, v]) => !have.has(`${k.toLowerCase()}\0${v}`));
  if (missing.length === 0) return m.lines;
  const text = missing.map(([k, v]) => `${k}: ${v}`);
  const insert = block.trailers.length > 0 ? text : ['', ...text];
  return [...m.lines.slice(0, block.end + 1), ...insert, ...m.lines.slice(block.end + 1)];
}
