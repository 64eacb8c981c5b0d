/**
 * The commit-msg formatting as a pure function: what becomes of plain, conventional, merge, fixup,
 * revert and amend messages, comments and scissors, long subjects; every formatted result passes the
 * commitlint conventional rules (test/helpers/commitlint.ts) and `git interpret-trailers --parse`
 * reads the two trailers.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCommitMessage, type FormatRequest } from '../../../src/domain/commitMessage';
import { toDescription } from '../../../src/domain/commitHeader';
import { commitlintProblems } from '../../helpers/commitlint';

const M = 'a'.repeat(64);
const T = 'b'.repeat(64);
const req = (over: Partial<FormatRequest> = {}): FormatRequest => ({
  commentChar: null,
  format: 'feat(milestone-{id}): {description}',
  values: { id: 'aaaaaaaa', task: 'bbbbbbbb', type: 'feat' },
  trailers: [['Milestone', M], ['Task', T]],
  source: 'message',
  ...over,
});
/** What git keeps: comment lines and everything after the scissors dropped, blank runs squeezed. */
const stripped = (text: string) =>
  text.split('# ------------------------ >8')[0].split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
const trailersOf = (msg: string) => execFileSync('git', ['interpret-trailers', '--parse'], { input: msg, encoding: 'utf8' });

describe('formatCommitMessage', () => {
  it('formats a plain message: header, blank line, trailers git can parse; commitlint-clean', () => {
    const r = formatCommitMessage('Add the tokenizer.\n', req());
    expect(r.kind).toBe('plain');
    expect(r.text).toBe(`feat(milestone-aaaaaaaa): add the tokenizer\n\nMilestone: ${M}\nTask: ${T}\n`);
    expect(commitlintProblems(r.text as string)).toEqual([]);
    expect(trailersOf(r.text as string)).toBe(`Milestone: ${M}\nTask: ${T}\n`);
  });

  it('keeps a body, separating it from the header and the trailers', () => {
    const r = formatCommitMessage('Fix the lexer\nbecause it broke\n\nMore words.\n', req());
    expect(r.text).toBe(`feat(milestone-aaaaaaaa): fix the lexer\n\nbecause it broke\n\nMore words.\n\nMilestone: ${M}\nTask: ${T}\n`);
    expect(commitlintProblems(r.text as string)).toEqual([]);
  });

  it('appends to an existing trailer block and never repeats a trailer', () => {
    const r = formatCommitMessage('do it\n\nSigned-off-by: A <a@b>\n', req());
    expect(r.text).toBe(`feat(milestone-aaaaaaaa): do it\n\nSigned-off-by: A <a@b>\nMilestone: ${M}\nTask: ${T}\n`);
    expect(formatCommitMessage(r.text as string, req()).text).toBeNull(); // now conventional, trailers present
    expect(trailersOf(r.text as string)).toContain(`Task: ${T}`);
  });

  it('gives a conventional message only the trailers', () => {
    const r = formatCommitMessage('fix(parser): handle EOF\n', req());
    expect(r).toEqual({ kind: 'conventional', text: `fix(parser): handle EOF\n\nMilestone: ${M}\nTask: ${T}\n` });
  });

  it('leaves merges, squashes, amends, fixups and reverts alone', () => {
    expect(formatCommitMessage("Merge branch 'main' into x\n", req()).text).toBeNull();
    expect(formatCommitMessage('anything\n', req({ source: 'merge' })).text).toBeNull();
    expect(formatCommitMessage('Squashed commit of the following:\n', req({ source: 'squash' })).text).toBeNull();
    expect(formatCommitMessage('plain words\n', req({ source: 'commit' })).kind).toBe('amend');
    expect(formatCommitMessage('plain words\n', req({ source: 'commit' })).text).toBeNull();
    expect(formatCommitMessage('fixup! add the tokenizer\n', req()).text).toBeNull();
    expect(formatCommitMessage('squash! add the tokenizer\n', req()).text).toBeNull();
    expect(formatCommitMessage('Revert "add the tokenizer"\n\nThis reverts commit 123.\n', req()).text).toBeNull();
  });

  it('a message of comments only stays empty, so git aborts as usual', () => {
    const text = '\n# Please enter the commit message\n#\n# On branch x\n';
    const r = formatCommitMessage(text, req({ commentChar: '#' }));
    expect(r).toEqual({ kind: 'empty', text: null });
  });

  it('with an editor, comments and the scissors part stay below; the result survives git cleanup', () => {
    const text = 'Add things\n# Please enter the commit message\n# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a b\n';
    const r = formatCommitMessage(text, req({ commentChar: '#' }));
    expect(r.text).toContain('# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a b\n');
    const kept = stripped(r.text as string);
    expect(kept).toBe(`feat(milestone-aaaaaaaa): add things\n\nMilestone: ${M}\nTask: ${T}\n`);
    expect(commitlintProblems(kept)).toEqual([]);
  });

  it('without an editor a leading # is content (git commit -m "#12 …")', () => {
    const r = formatCommitMessage('#12 fix the build\n', req({ commentChar: null }));
    expect(r.text?.split('\n')[0]).toBe('feat(milestone-aaaaaaaa): #12 fix the build');
  });

  it('shortens a long header at a word and keeps the full subject in the body, wrapped at 100', () => {
    const long = `Rework ${'the very long tokenizer name '.repeat(8)}now`;
    const r = formatCommitMessage(`${long}\n`, req());
    const lines = (r.text as string).split('\n');
    expect(lines[0].length).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^feat\(milestone-aaaaaaaa\): rework the very long/);
    expect(lines.slice(2).join(' ')).toContain(long.trim());
    expect(commitlintProblems(r.text as string)).toEqual([]);
  });

  it('fills {type}, {task} and {id}, and appends {description} to a format without it', () => {
    const r = formatCommitMessage('x y\n', req({ format: '{type}(m-{id}/{task})', values: { id: '12345678', task: 'abcdef01', type: 'fix' } }));
    expect(r.text?.split('\n')[0]).toBe('fix(m-12345678/abcdef01): x y');
  });

  it('never doubles the id prefix (the earlier system wrote feat(milestone-milestone-001))', () => {
    const r = formatCommitMessage('go\n', req());
    expect(r.text).not.toMatch(/milestone-milestone/);
  });
});

describe('toDescription (commitlint subject rules)', () => {
  it.each([
    ['Add the parser.', 'add the parser'],
    ['README update', 'readme update'],
    ['WIP: stuff', 'wip: stuff'],
    ['Fix Every Word', 'fix Every Word'],
    ['   spaced   out ...', 'spaced out'],
    ['ÉCOLE stays', 'ÉCOLE stays'],
    ['42 things', '42 things'],
  ])('%j → %j', (given, want) => {
    expect(toDescription(given)).toBe(want);
    if (want) expect(commitlintProblems(`feat(x): ${want}`)).toEqual([]);
  });
});

describe('the commitlint checker itself', () => {
  it('catches what config-conventional refuses', () => {
    expect(commitlintProblems('feat(x): Add thing')).toEqual(['subject-case (sentence-case)']);
    expect(commitlintProblems('Feat: add')).toContain('type-case');
    expect(commitlintProblems('wip: add')).toEqual(['type-enum (wip)']);
    expect(commitlintProblems('feat: add.\nbody')).toEqual(['subject-full-stop', 'body-leading-blank']);
    expect(commitlintProblems('feat: add\n\nbody\nTask: x')).toEqual(['footer-leading-blank']);
    expect(commitlintProblems(`feat: ${'x'.repeat(100)}`)).toEqual(['header-max-length (106)']);
    expect(commitlintProblems('add things')).toEqual(['type-empty']);
  });
});
