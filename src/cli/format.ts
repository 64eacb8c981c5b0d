/**
 * Text rendering shared by the commands: the one escape for user text, aligned tables that fit
 * the terminal, short ids, progress bars. User text (titles, descriptions, labels, names, notes)
 * is printed verbatim except that control characters are made visible (`\u001b`), so a hostile
 * title cannot forge extra rows or drive the terminal (ESC sequences, BEL, OSC 52 clipboard writes,
 * bidi overrides that reorder what is shown). runDef applies the same escape to the whole output
 * as a last guard, letting through only newlines, tabs and the colours style.ts adds.
 */
import { paint, type TextStyle } from './style';

// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_SGR = /\x1b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
const visible = (c: string): string => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export interface EscapeOptions {
  /** Keep newlines and tabs (a description's lines); otherwise they are shown as \n and \t. */
  lines?: boolean;
  /** Keep colour sequences (ESC [ … m), for the output guard when colouring. */
  sgr?: boolean;
}

/** The one escape for user text: every control character shown as an escape, except what `o` keeps. */
export function escapeControls(text: string, o: EscapeOptions = {}): string {
  const kept = (c: string): boolean => c.length > 1 || (Boolean(o.lines) && (c === '\n' || c === '\t'));
  return text.replace(o.sgr ? CONTROL_OR_SGR : CONTROL, (c) => (kept(c) ? c : visible(c)));
}

/** One-line safe rendering (titles, labels, names on a row). */
export const oneLine = (text: string): string => escapeControls(text);

/** Multi-line safe rendering (descriptions, notes): lines kept, everything else escaped. */
export const block = (text: string): string => escapeControls(text, { lines: true });

export function short(id: string): string {
  return id.slice(0, 8);
}

export function bar(percent: number, width = 10, style?: TextStyle): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  const done = '█'.repeat(filled);
  const drawn = `${style ? paint(style, 'green', done) : done}${'░'.repeat(width - filled)}`;
  return `${drawn} ${String(percent).padStart(3)}%`;
}

const SGR_SEQ = /\x1b\[[0-9;]*m/g;

const ZERO_WIDTH = [[0x300, 0x36f], [0x200b, 0x200f], [0xfe00, 0xfe0f]];
const WIDE = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd],
];

/** Columns a character takes: 0 for combining marks, 2 for East Asian wide ones and emoji. */
function charWidth(cp: number): number {
  const within = (ranges: number[][]) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
  if (within(ZERO_WIDTH)) return 0;
  return cp !== 0x303f && within(WIDE) ? 2 : 1;
}

/** Columns `text` takes on a terminal (colour sequences take none). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(SGR_SEQ, '')) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

/** `text` cut to at most `max` columns, ending in … when cut (colour sequences kept and closed). */
export function cut(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  let w = 0;
  let coloured = false;
  for (const part of text.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b[')) {
      out += part;
      coloured = true;
      continue;
    }
    for (const ch of part) {
      const cw = charWidth(ch.codePointAt(0) as number);
      if (w + cw > max - 1) return `${out}…${coloured ? '\x1b[0m' : ''}`;
      out += ch;
      w += cw;
    }
  }
  return out;
}

/** Columns other than the last are cut only down to this (ids, statuses and bars never are). */
const NARROWEST = 16;

/** Narrows the widest free-text columns (an assignee) until the last one gets at least 10 columns. */
function fit(widths: number[], width: number): void {
  const lead = () => widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  while (lead() + Math.min(10, widths[widths.length - 1]) > width) {
    const pick = (best: number, w: number, i: number) =>
      w > NARROWEST && (best < 0 || w > widths[best]) ? i : best;
    const wide = widths.slice(0, -1).reduce(pick, -1);
    if (wide < 0) return;
    widths[wide] -= 1;
  }
}

/**
 * Left-aligned columns; the last column is not padded. With `style.width` (a terminal), each row
 * fits: the last column (a title) is cut with …, keeping at least 10 columns, and wide free-text
 * columns before it are cut too when that is not enough.
 */
export function table(rows: string[][], header?: string[], style?: TextStyle): string {
  const all = header ? [header.map((h) => (style ? paint(style, 'bold', h) : h)), ...rows] : rows;
  if (all.length === 0) return '';
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => textWidth(r[i] ?? ''))));
  if (style?.width !== undefined) fit(widths, style.width);
  const lead = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  const room = style?.width === undefined ? Infinity : Math.max(10, style.width - lead);
  const cell = (text: string, i: number, last: boolean): string => {
    if (last) return room === Infinity ? text : cut(text, room);
    const shown = textWidth(text) > widths[i] ? cut(text, widths[i]) : text;
    return shown + ' '.repeat(widths[i] - textWidth(shown));
  };
  const line = (r: string[]) => r.map((text, i) => cell(text, i, i === r.length - 1)).join('  ').trimEnd();
  return all.map(line).join('\n');
}

export function list(label: string, items: string[]): string {
  return items.length === 0 ? '' : `${label}:\n${items.map((i) => `  - ${oneLine(i)}`).join('\n')}\n`;
}
