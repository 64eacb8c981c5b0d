/**
 * The header of a formatted commit: `commit_format` (default `feat(milestone-{id}): {description}`)
 * with {id} (short milestone id), {task} (short task id), {type} and {description} filled in, made
 * to pass commitlint's conventional rules: the description may not start with a capital letter
 * (subject-case never sentence/start/pascal/upper case), may not end with '.', the header is
 * trimmed and at most 100 characters; what does not fit moves to the body, wrapped at 100.
 */

/** commitlint config-conventional `type-enum`. */
export const CONVENTIONAL_TYPES = ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test'] as const;
export const HEADER_MAX = 100;
export const BODY_LINE_MAX = 100;
export const DEFAULT_COMMIT_FORMAT = 'feat(milestone-{id}): {description}';

export interface HeaderValues {
  /** Short milestone id. */
  id: string;
  /** Short task id ('' for a milestone branch). */
  task: string;
  type: string;
  description: string;
}

/** A subject line turned into a commitlint-safe description ('' when nothing is left). */
export function toDescription(subject: string): string {
  let d = subject.trim().replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
  const first = /^[A-Z][A-Z0-9]+\b/.exec(d);
  if (first && /[A-Z]/.test(first[0].slice(1))) d = first[0].toLowerCase() + d.slice(first[0].length);
  else if (/^[A-Z]/.test(d)) d = d[0].toLowerCase() + d.slice(1);
  return d;
}

export interface RenderedHeader {
  header: string;
  /** The full subject when the header had to be shortened (goes to the body), else null. */
  overflow: string | null;
}

export function renderHeader(format: string, v: HeaderValues, originalSubject: string): RenderedHeader {
  const template = format.includes('{description}') ? format : `${format.replace(/[:\s]+$/, '')}: {description}`;
  const fill = (description: string) =>
    template
      .replace(/\{id\}/g, v.id)
      .replace(/\{task\}/g, v.task)
      .replace(/\{type\}/g, v.type)
      .replace(/\{description\}/g, description)
      .trim();
  const full = fill(v.description);
  if (full.length <= HEADER_MAX) return { header: full, overflow: null };
  const room = HEADER_MAX - (fill('').length);
  let cut = v.description.slice(0, Math.max(room, 1));
  const space = cut.lastIndexOf(' ');
  if (space > room / 2) cut = cut.slice(0, space);
  return { header: fill(cut.replace(/[.\s]+$/, '')), overflow: originalSubject.trim() };
}

/** Words wrapped to lines of at most `max` characters (a longer single word is cut). */
export function wrap(text: string, max = BODY_LINE_MAX): string[] {
  const out: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w !== '')) {
    while (word.length > max) {
      if (line) out.push(line);
      out.push(word.slice(0, max));
      word = word.slice(max);
      line = '';
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  return out;
}
