/**
 * Text rendering shared by the commands: aligned tables, short ids, progress bars. Titles are
 * printed verbatim except that control characters (newlines, escapes) are made visible on a
 * table row, so a hostile title cannot forge extra rows or drive the terminal.
 */
export function short(id: string): string {
  return id.slice(0, 8);
}

/** One-line safe rendering: newlines, tabs and other control characters shown escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function bar(percent: number, width = 10): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(percent).padStart(3)}%`;
}

/** Left-aligned columns; the last column is not padded. */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  if (all.length === 0) return '';
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  return all
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length))).join('  ').trimEnd())
    .join('\n');
}

export function list(label: string, items: string[]): string {
  return items.length === 0 ? '' : `${label}:\n${items.map((i) => `  - ${oneLine(i)}`).join('\n')}\n`;
}
