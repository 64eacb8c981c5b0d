/**
 * Commit objects in git's exact byte format: `tree`, one `parent` line per parent, `author` and
 * `committer` as `Name <email> <unix seconds> ±hhmm`, a blank line, then the message verbatim.
 * `timezoneOffset` follows isomorphic-git and JavaScript's Date#getTimezoneOffset: minutes
 * *behind* UTC, so `+0200` is -120 and `-0500` is 300.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { CommitData } from '../ports';
import { assertOid } from './hashObject';
import type { ObjectFormat } from '../ports';

export type Person = CommitData['author'];

export interface SerializeCommitOptions {
  commit: CommitData;
  format: ObjectFormat;
}

export function serializeCommit(o: SerializeCommitOptions): Buffer {
  const c = o.commit;
  const lines = [`tree ${assertOid(c.tree, o.format)}`];
  for (const p of c.parents) lines.push(`parent ${assertOid(p, o.format)}`);
  lines.push(`author ${formatPerson(c.author)}`, `committer ${formatPerson(c.committer)}`);
  return Buffer.from(`${lines.join('\n')}\n\n${c.message}`, 'utf8');
}

export function formatPerson(p: Person): string {
  if (/[<>\n]/.test(p.name) || /[<>\n]/.test(p.email)) {
    throw new MilestoneError('INVALID_INPUT', `bad identity ${JSON.stringify(`${p.name} <${p.email}>`)}`, {
      hint: 'Names and emails cannot contain "<", ">" or newlines; check user.name and user.email.',
    });
  }
  if (!Number.isSafeInteger(p.timestamp) || p.timestamp < 0) {
    throw new MilestoneError('INVALID_INPUT', `bad commit timestamp ${p.timestamp}`, {
      hint: 'Timestamps are whole seconds since the Unix epoch.',
    });
  }
  return `${p.name} <${p.email}> ${p.timestamp} ${formatTimezone(p.timezoneOffset)}`;
}

export function formatTimezone(offsetMinutes: number): string {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 100 * 60) {
    throw new MilestoneError('INVALID_INPUT', `bad timezone offset ${offsetMinutes}`, {
      hint: 'timezoneOffset is whole minutes behind UTC, as Date#getTimezoneOffset returns.',
    });
  }
  const sign = offsetMinutes > 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
