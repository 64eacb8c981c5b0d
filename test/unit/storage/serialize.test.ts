import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hashObject } from '../../../src/storage/format/hashObject';
import { parseCommit } from '../../../src/storage/format/parseCommit';
import { parseTree } from '../../../src/storage/format/parseTree';
import { formatTimezone, serializeCommit } from '../../../src/storage/format/serializeCommit';
import { serializeTree, sortTreeEntries } from '../../../src/storage/format/serializeTree';
import type { CommitData, TreeEntry } from '../../../src/storage/ports';

const EMPTY_BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const commit: CommitData = {
  tree: EMPTY_TREE,
  parents: [EMPTY_BLOB.replace(/e/g, 'a'), EMPTY_BLOB.replace(/e/g, 'b')],
  author: { name: 'Ada Lovelace', email: 'ada@example.com', timestamp: 1700000000, timezoneOffset: -120 },
  committer: { name: 'Bot', email: 'bot@example.com', timestamp: 1700000100, timezoneOffset: 330 },
  message: 'subject line\n\nbody\n',
};

describe('object hashing', () => {
  it('matches git for the empty blob and tree in sha1 and sha256', () => {
    expect(hashObject({ type: 'blob', content: Buffer.alloc(0), format: 'sha1' })).toBe(EMPTY_BLOB);
    expect(hashObject({ type: 'tree', content: Buffer.alloc(0), format: 'sha1' })).toBe(EMPTY_TREE);
    expect(hashObject({ type: 'blob', content: Buffer.alloc(0), format: 'sha256' })).toBe(
      '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813',
    );
  });

  it('matches `git hash-object` for a text blob', () => {
    const text = 'hello milestones\n';
    const expected = execFileSync('git', ['hash-object', '--stdin'], { input: text, encoding: 'utf8' }).trim();
    expect(hashObject({ type: 'blob', content: Buffer.from(text), format: 'sha1' })).toBe(expected);
  });
});

describe('tree serialization', () => {
  const oid = EMPTY_BLOB;
  it("orders `a.b` before directory `a` but after file `a` (names compared with '/' appended to trees)", () => {
    const dirA: TreeEntry = { mode: '040000', name: 'a', oid: EMPTY_TREE };
    const dotted: TreeEntry = { mode: '100644', name: 'a.b', oid };
    const under: TreeEntry = { mode: '100644', name: 'a_', oid };
    expect(sortTreeEntries([under, dirA, dotted]).map((e) => e.name)).toEqual(['a.b', 'a', 'a_']);
    const fileA: TreeEntry = { mode: '100644', name: 'a', oid };
    expect(sortTreeEntries([dotted, fileA]).map((e) => e.name)).toEqual(['a', 'a.b']);
  });

  it('writes git bytes (`40000` for trees) and parses them back in git order', () => {
    const entries: TreeEntry[] = [
      { mode: '100755', name: 'run.sh', oid },
      { mode: '040000', name: 'a', oid: EMPTY_TREE },
      { mode: '100644', name: 'a.b', oid },
    ];
    const bytes = serializeTree({ entries, format: 'sha1' });
    expect(bytes.subarray(0, 10).toString('latin1')).toBe('100644 a.b');
    expect(bytes.includes(Buffer.from('40000 a\0'))).toBe(true);
    expect(bytes.includes(Buffer.from('040000'))).toBe(false);
    expect(bytes.length).toBe(3 * 20 + '100644 a.b\0'.length + '40000 a\0'.length + '100755 run.sh\0'.length);
    const parsed = parseTree({ content: bytes, format: 'sha1', oid: 'x' });
    expect(parsed).toEqual([entries[2], entries[1], entries[0]]);
  });

  it('matches `git mktree` for the same entries', () => {
    const blob = execFileSync('git', ['hash-object', '--stdin'], { input: 'x', encoding: 'utf8' }).trim();
    const entries: TreeEntry[] = [
      { mode: '100644', name: 'b', oid: blob },
      { mode: '100644', name: 'a.b', oid: blob },
    ];
    const expected = execFileSync('git', ['mktree', '--missing'], {
      input: `100644 blob ${blob}\tb\n100644 blob ${blob}\ta.b\n040000 tree ${EMPTY_TREE}\ta\n`,
      encoding: 'utf8',
    }).trim();
    const ours = hashObject({
      type: 'tree',
      content: serializeTree({ entries: [...entries, { mode: '040000', name: 'a', oid: EMPTY_TREE }], format: 'sha1' }),
      format: 'sha1',
    });
    expect(ours).toBe(expected);
  });

  it('refuses duplicates, slashes and bad oids', () => {
    const e: TreeEntry = { mode: '100644', name: 'x', oid };
    expect(() => serializeTree({ entries: [e, { ...e }], format: 'sha1' })).toThrow(/duplicate tree entry "x"/);
    expect(() => serializeTree({ entries: [{ ...e, name: 'a/b' }], format: 'sha1' })).toThrow(/bad tree entry name/);
    expect(() => serializeTree({ entries: [{ ...e, oid: 'abc' }], format: 'sha1' })).toThrow(/not a sha1 object id/);
    expect(() => serializeTree({ entries: [e], format: 'sha256' })).toThrow(/not a sha256 object id/);
  });
});

describe('commit serialization', () => {
  it('writes the exact git layout', () => {
    const text = serializeCommit({ commit, format: 'sha1' }).toString('utf8');
    expect(text).toBe(
      [
        `tree ${EMPTY_TREE}`,
        `parent ${commit.parents[0]}`,
        `parent ${commit.parents[1]}`,
        'author Ada Lovelace <ada@example.com> 1700000000 +0200',
        'committer Bot <bot@example.com> 1700000100 -0530',
        '',
        'subject line',
        '',
        'body',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through parseCommit, and skips gpgsig continuation lines', () => {
    const bytes = serializeCommit({ commit, format: 'sha1' });
    expect(parseCommit({ content: bytes, oid: 'x' })).toEqual(commit);
    const signed = bytes.toString().replace('\n\n', '\ngpgsig -----BEGIN PGP SIGNATURE-----\n abc\n -----END PGP SIGNATURE-----\n\n');
    expect(parseCommit({ content: Buffer.from(signed), oid: 'x' })).toEqual(commit);
  });

  it('formats time zones like git (offset in minutes behind UTC)', () => {
    expect(formatTimezone(0)).toBe('+0000');
    expect(formatTimezone(-60)).toBe('+0100');
    expect(formatTimezone(570)).toBe('-0930');
    const back = parseCommit({ content: serializeCommit({ commit: { ...commit, parents: [] }, format: 'sha1' }), oid: 'x' });
    expect(back.author.timezoneOffset).toBe(-120);
    expect(back.committer.timezoneOffset).toBe(330);
  });

  it('refuses identities git would choke on and flags a commit without a tree', () => {
    const bad = { ...commit, author: { ...commit.author, email: 'a>b' } };
    expect(() => serializeCommit({ commit: bad, format: 'sha1' })).toThrow(/bad identity/);
    expect(() => parseCommit({ content: Buffer.from('author A <a> 1 +0000\n\nmsg'), oid: 'deadbeef' })).toThrow(
      /commit deadbeef: missing tree/,
    );
  });
});
