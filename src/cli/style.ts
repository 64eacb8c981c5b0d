/**
 * How text output is dressed: the terminal's width (tables cut long titles with …) and whether
 * to colour. Both apply only when stdout is a terminal; a pipe or a file gets plain, whole lines.
 * Colour is off with NO_COLOR (https://no-color.org) or TERM=dumb.
 */
export interface TextStyle {
  /** Columns of the terminal; undefined when the output is not one (no limit). */
  width?: number;
  color: boolean;
}

export const PLAIN: TextStyle = { color: false };

export interface Terminal {
  isTTY?: boolean;
  columns?: number;
}

type Vars = Readonly<Record<string, string | undefined>>;

export function terminalStyle(stream: Terminal, vars: Vars): TextStyle {
  if (!stream.isTTY) return PLAIN;
  const width = stream.columns || Number(vars.COLUMNS) || 80;
  return { width, color: !vars.NO_COLOR && vars.TERM !== 'dumb' };
}

/** The style for the process's own stdout. */
export function stdoutStyle(vars: Vars): TextStyle {
  return terminalStyle(process.stdout, vars);
}

const SGR = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', blue: '34', cyan: '36' } as const;
export type Paint = keyof typeof SGR;

export function paint(style: TextStyle, how: Paint, text: string): string {
  return style.color && text ? `\x1b[${SGR[how]}m${text}\x1b[0m` : text;
}

const STATUS: Record<string, Paint> = {
  completed: 'green', in_progress: 'cyan', blocked: 'red', paused: 'dim', cancelled: 'dim', archived: 'dim',
};

export const statusText = (style: TextStyle, status: string): string =>
  STATUS[status] ? paint(style, STATUS[status], status) : status;

/** A short id as git shows commit hashes: yellow. */
export const idText = (style: TextStyle, id: string): string => paint(style, 'yellow', id);
