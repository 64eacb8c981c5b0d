/**
 * Branch names for milestone and task branches, and the way back from a name to the short id it
 * carries. Pure: no git, no config reading.
 *
 *   prefix form   `<branch_prefix><id>-<slug>`            milestone/1a2b3c4d-write-the-parser
 *   pattern form  `git_integration.branch_naming`         ms-{id}  →  ms-1a2b3c4d-write-the-parser
 *
 * Placeholders: {id} (short id of the task, or of the milestone for a milestone branch), {task},
 * {milestone} (short ids) and {slug}. A pattern without an id placeholder gets `{id}` appended, one
 * without {slug} gets `-{slug}`. The id is always the bare hex short id, so no prefix is ever
 * doubled (the earlier system made `milestone/milestone-001`). The slug is ASCII [a-z0-9-] only:
 * nothing a shell or git would read specially survives.
 */
import { shortId } from './values';

export interface BranchNaming {
  /** `branch_prefix` (default `milestone/`). */
  prefix: string;
  /** `git_integration.branch_naming`; wins over the prefix when set. */
  pattern?: string;
}

export const SLUG_MAX = 40;

/** Lowercase ASCII words joined by '-', at most `max` characters, cut at a word boundary. */
export function slugify(title: string, max = SLUG_MAX): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const w of words) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (next.length > max) {
      if (slug === '') slug = w.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug;
}

/** The pattern in effect, with {id} and {slug} guaranteed. */
export function effectivePattern(n: BranchNaming): string {
  let p = n.pattern && n.pattern.trim() !== '' ? n.pattern.trim() : `${n.prefix}{id}-{slug}`;
  if (!/\{(id|task|milestone)\}/.test(p)) p = `${p}{id}`;
  if (!p.includes('{slug}')) p = `${p}-{slug}`;
  return p;
}

export interface BranchNameInput {
  /** Full id of the task, or of the milestone for a milestone branch. */
  id: string;
  milestoneId: string;
  title: string;
}

export function branchName(n: BranchNaming, o: BranchNameInput): string {
  const slug = slugify(o.title);
  let p = effectivePattern(n);
  if (slug === '') p = p.replace(/[-_/.]?\{slug\}/, '');
  return p
    .replace(/\{id\}/g, shortId(o.id))
    .replace(/\{task\}/g, shortId(o.id))
    .replace(/\{milestone\}/g, shortId(o.milestoneId))
    .replace(/\{slug\}/g, slug);
}

/** The short id a branch name carries under this naming, or null when it is not such a branch. */
export function parseBranchName(n: BranchNaming, name: string): string | null {
  const p = effectivePattern(n);
  const idToken = /\{(id|task)\}/.test(p) ? /^\{(id|task)\}$/ : /^\{milestone\}$/;
  let re = '^';
  let captured = false;
  for (const token of p.split(/([-_/.]?\{slug\}|\{(?:id|task|milestone)\})/)) {
    if (token.endsWith('{slug}')) re += `(?:${escape(token.slice(0, -'{slug}'.length))}[a-z0-9-]*)?`;
    else if (idToken.test(token) && !captured) {
      re += '([0-9a-f]{8})';
      captured = true;
    } else if (/^\{(id|task|milestone)\}$/.test(token)) re += '[0-9a-f]{8}';
    else re += escape(token);
  }
  const m = new RegExp(`${re}$`).exec(name);
  return m ? m[1] : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
