/**
 * Text helpers the markdown formats share: lines with their endings kept (CRLF stays CRLF), YAML
 * front matter bounds, the checkbox grammar (`- [ ]`, `[x]`, `[X]`, `[-]` in progress, `[~]` blocked
 * or partial, `[ ]*` optional) and the status each state stands for, both ways.
 */
import type { TaskStatus } from '../domain/types';

export interface Line {
  /** 1-based. */
  no: number;
  text: string;
}

/** The lines of a text without their endings (`\n` or `\r\n`), numbered from 1. */
export function splitLines(text: string): Line[] {
  return text.split('\n').map((t, i) => ({ no: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
}

/** The number of lines a YAML front matter block takes at the top (0 when there is none). */
export function frontMatterEnd(lines: Line[]): number {
  if (lines.length === 0 || lines[0].text.trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i].text)) return i + 1;
  return 0;
}

/** The front matter's YAML text (between the fences), or null. */
export function frontMatterText(lines: Line[]): string | null {
  const end = frontMatterEnd(lines);
  return end === 0 ? null : lines.slice(1, end - 1).map((l) => l.text).join('\n');
}

export interface Checkbox {
  indent: number;
  /** The state character between the brackets. */
  char: string;
  optional: boolean;
  /** The text after the box (and the optional star). */
  rest: string;
}

const BOX = /^(\s*)[-*+] \[([ xX~-])\](\*?)(?:\s+(.*))?$/;

export function checkbox(line: string): Checkbox | null {
  const m = BOX.exec(line);
  if (!m) return null;
  return { indent: m[1].length, char: m[2], optional: m[3] === '*', rest: (m[4] ?? '').trim() };
}

export function statusOfChar(c: string): TaskStatus {
  if (c === 'x' || c === 'X') return 'completed';
  if (c === '-') return 'in_progress';
  if (c === '~') return 'blocked';
  return 'pending';
}

/**
 * The character a status is written as, or null when the current one already says it. `rich`
 * formats (Kiro) have `-` and `~`; the others write in-progress and blocked tasks as not done.
 * A done box keeps its case (`X` stays `X`); a newly done one takes `upper` (the file's habit).
 */
export function charFor(status: TaskStatus, current: string, rich: boolean, upper = false): string | null {
  let want: string;
  if (status === 'completed' || status === 'cancelled') want = statusOfChar(current) === 'completed' ? current : upper ? 'X' : 'x';
  else if (status === 'in_progress' && rich) want = '-';
  else if (status === 'blocked' && rich) want = '~';
  else want = ' ';
  return want === current ? null : want;
}

/** The column of the state character of a checkbox line. */
export function boxColumn(line: string): number {
  return line.indexOf('[') + 1;
}

/**
 * Replaces the state character of the given (1-based) lines and nothing else: every other byte of
 * the text stays as it was. Returns the text unchanged when there is nothing to do.
 */
export function patchBoxes(text: string, edits: ReadonlyMap<number, string>): string {
  if (edits.size === 0) return text;
  const parts = text.split('\n');
  for (const [no, c] of edits) {
    const line = parts[no - 1];
    if (line === undefined || !checkbox(line.endsWith('\r') ? line.slice(0, -1) : line)) continue;
    const col = boxColumn(line);
    parts[no - 1] = line.slice(0, col) + c + line.slice(col + 1);
  }
  return parts.join('\n');
}

/** Decodes bytes as UTF-8; a file that is not valid UTF-8 is decoded with U+FFFD and the first bad line named. */
export function decodeUtf8(bytes: Uint8Array): { text: string; badLine: number | null } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), badLine: null };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    return { text, badLine: at < 0 ? 1 : text.slice(0, at).split('\n').length };
  }
}
