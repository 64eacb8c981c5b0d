/**
 * Parses a commit object's content into ports.ts CommitData. Headers git-milestone does not use
 * (gpgsig, encoding, mergetag and their continuation lines) are skipped; a missing tree, author
 * or committer, or a malformed identity line, is CORRUPT_ENTITY.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { CommitData } from '../ports';
import { isOid } from './hashObject';
import type { Person } from './serializeCommit';

export interface ParseCommitOptions {
  content: Buffer;
  /** Names the object in error messages. */
  oid: string;
}

export function parseCommit(o: ParseCommitOptions): CommitData {
  const text = o.content.toString('utf8');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  let tree: string | undefined;
  let author: Person | undefined;
  let committer: Person | undefined;
  const parents: string[] = [];
  for (const line of head.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree' && tree === undefined && isOid(value)) tree = value;
    else if (key === 'parent' && isOid(value)) parents.push(value);
    else if (key === 'author' && !author) author = parsePerson(value, o.oid);
    else if (key === 'committer' && !committer) committer = parsePerson(value, o.oid);
    else if (key === 'tree' || key === 'parent') throw corrupt(o.oid, `bad ${key} line`);
  }
  if (!tree || !author || !committer) throw corrupt(o.oid, 'missing tree, author or committer');
  return { tree, parents, author, committer, message };
}

export function parsePerson(value: string, oid: string): Person {
  const m = /^(?:(.*) )?<([^<>\n]*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(value);
  if (!m) throw corrupt(oid, `bad identity line ${JSON.stringify(value)}`);
  const minutes = Number(m[5]) * 60 + Number(m[6]);
  return {
    name: m[1] ?? '',
    email: m[2],
    timestamp: Number(m[3]),
    timezoneOffset: (m[4] === '+' ? -minutes : minutes) + 0,
  };
}

function corrupt(oid: string, what: string): MilestoneError {
  return new MilestoneError('CORRUPT_ENTITY', `commit ${oid}: ${what}`, {
    hint: `Inspect it with \`git cat-file -p ${oid}\`; \`git fsck\` checks the whole repository.`,
    data: { oid },
  });
}
