/**
 * Commits on a milestone branch with the hooks installed, in one real repository: the branch name
 * (shell metacharacters in the title), the formatted subject and trailers (`git interpret-trailers
 * --parse`), the commit-link note (`git log --notes=milestones`), `task show` listing the commits,
 * and every case the hooks must leave alone: conventional subjects (trailers only), fixups, amends,
 * --no-verify, a detached HEAD, a comments-only message, a rebase in progress, a broken settings file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { commitlintProblems } from '../../helpers/commitlint';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
let M: string;
let T: string;
let branch: string;
const ENV = { GIT_CONFIG_GLOBAL: '/dev/null' };
const ok = (args: string[]) => {
  const r = cli(repo.dir, args, ENV);
  expect(r.code, `${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
  return r;
};
let n = 0;
function commit(args: string[], env: NodeJS.ProcessEnv = {}) {
  fs.writeFileSync(path.join(repo.dir, `f${++n}.txt`), `${n}\n`);
  repo.git(['add', '-A']);
  return spawnSync('git', ['commit', ...args], { cwd: repo.dir, env: gitEnv(env), encoding: 'utf8' });
}
const last = () => repo.git(['log', '-1', '--format=%B']).replace(/\n$/, '');
const note = (rev = 'HEAD') => repo.git(['log', '-1', '--notes=milestones', '--format=%N', rev]).trim();
const trailers = (msg: string) => repo.git(['interpret-trailers', '--parse'], { input: msg });
const notes = () => repo.git(['notes', '--ref=milestones', 'list']).split('\n').filter(Boolean).length;

beforeAll(() => {
  repo = makeTmpRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  M = ok(['new', 'Parser work', '--json']).json().id;
  T = ok(['task', 'add', M, 'Write the $(touch pwned) `tokenizer`; rm -rf / && echo "x" > ~/oops', '--json']).json().id;
  ok(['hooks', 'install']);
});
afterAll(() => repo.cleanup());

describe('branch start', () => {
  it('names the branch prefix + short id + a slug with no shell metacharacters; the task is in_progress', () => {
    const r = ok(['branch', 'start', T.slice(0, 7), '--json']).json();
    branch = r.branch;
    expect(branch).toBe(`milestone/${T.slice(0, 8)}-write-the-touch-pwned-tokenizer-rm-rf`);
    expect(branch).toMatch(/^milestone\/[0-9a-f]{8}-[a-z0-9-]+$/);
    expect(r).toMatchObject({ created: true, task: T, taskStatus: 'in_progress', milestoneStatus: 'in_progress' });
    expect(repo.git(['symbolic-ref', '--short', 'HEAD']).trim()).toBe(branch);
    expect(fs.existsSync(path.join(repo.dir, 'pwned'))).toBe(false);
    expect(ok(['task', 'show', T, '--json']).json().status).toBe('in_progress');
    expect(fs.existsSync(path.join(repo.dir, '.git', 'milestones', 'branches', ...branch.split('/')))).toBe(true);
  });

  it('is idempotent: starting again checks the branch out', () => {
    repo.git(['checkout', '-q', 'main']);
    expect(ok(['branch', 'start', T, '--json']).json()).toMatchObject({ branch, created: false });
    expect(repo.git(['symbolic-ref', '--short', 'HEAD']).trim()).toBe(branch);
  });
});

describe('commits on the milestone branch', () => {
  it('a plain message gets the header, the trailers and a note; commitlint rules hold', () => {
    const r = commit(['-q', '-m', 'Add the tokenizer.']);
    expect(r.status, r.stderr).toBe(0);
    const msg = last();
    expect(msg.split('\n')[0]).toBe(`feat(milestone-${M.slice(0, 8)}): add the tokenizer`);
    expect(trailers(msg)).toBe(`Milestone: ${M}\nTask: ${T}\n`);
    expect(commitlintProblems(msg)).toEqual([]);
    const event = JSON.parse(note());
    expect(event).toMatchObject({ type: 'commit-link', milestone: M, task: T, branch });
    expect(event.id).toMatch(/^[0-9a-f]{64}$/);
    expect(repo.git(['log', '-1', '--notes=milestones'])).toContain('Notes (milestones):');
  });

  it('a message written in the editor is formatted too; comments stay out', () => {
    const editor = path.join(repo.dir, '..', `${path.basename(repo.dir)}-editor.sh`);
    fs.writeFileSync(editor, '#!/bin/sh\n{ printf "Write the docs\\n\\nLonger text.\\n"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n', { mode: 0o755 });
    const r = commit(['-q'], { GIT_EDITOR: editor });
    fs.rmSync(editor);
    expect(r.status, r.stderr).toBe(0);
    expect(last()).toBe(`feat(milestone-${M.slice(0, 8)}): write the docs\n\nLonger text.\n\nMilestone: ${M}\nTask: ${T}\n`);
  });

  it('a conventional message keeps its header and gets only the trailers', () => {
    expect(commit(['-q', '-m', 'fix(lexer): handle EOF']).status).toBe(0);
    expect(last()).toBe(`fix(lexer): handle EOF\n\nMilestone: ${M}\nTask: ${T}\n`);
  });

  it('fixups and amends (prepare-commit-msg source "commit") are left alone', () => {
    expect(commit(['-q', '-m', 'fixup! add the tokenizer']).status).toBe(0);
    expect(last()).toBe('fixup! add the tokenizer\n');
    expect(commit(['-q', '--no-verify', '-m', 'Plain words kept']).status).toBe(0);
    const before = notes();
    expect(spawnSync('git', ['commit', '-q', '--amend', '--no-edit'], { cwd: repo.dir, env: gitEnv() }).status).toBe(0);
    expect(last()).toBe('Plain words kept\n');
    expect(notes()).toBe(before + 1); // the amended commit is linked all the same
  });

  it('--no-verify: no formatting, no note', () => {
    const before = notes();
    expect(commit(['-q', '--no-verify', '-m', 'Quick unverified change']).status).toBe(0);
    expect(last()).toBe('Quick unverified change\n');
    expect(notes()).toBe(before);
  });

  it('a comments-only message: git aborts as usual, the hook added no content', () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    const r = commit([], { GIT_EDITOR: 'true' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/empty commit message/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    const left = fs.readFileSync(path.join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8');
    expect(left.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([]);
    expect(commit(['-q', '-m', 'after the abort']).status).toBe(0); // the pending note of the abort is not reused
    expect(JSON.parse(note()).task).toBe(T);
  });

  it('task show lists the task\'s commits, oldest first, with subjects', () => {
    const shown = ok(['task', 'show', T.slice(0, 8), '--json']).json();
    const subjects = shown.commits.map((c: any) => c.subject);
    const h = `feat(milestone-${M.slice(0, 8)}): `;
    expect(subjects).toEqual([`${h}add the tokenizer`, `${h}write the docs`, 'fix(lexer): handle EOF', 'fixup! add the tokenizer', 'Plain words kept', `${h}after the abort`]);
    expect(shown.commits[0].commit).toMatch(/^[0-9a-f]{40}$/);
    expect(ok(['task', 'show', T]).stdout).toMatch(/Commits:\n {2}[0-9a-f]{10} feat\(milestone-/);
    fs.rmSync(path.join(repo.dir, '.git', 'milestones', 'commits.json')); // derived: rebuilt on demand
    expect(ok(['task', 'show', T, '--json']).json().commits).toEqual(shown.commits);
  });
});

describe('the hooks stand aside', () => {
  it('on a detached HEAD', () => {
    repo.git(['checkout', '-q', '--detach']);
    const before = notes();
    expect(commit(['-q', '-m', 'Detached work']).status).toBe(0);
    expect(last()).toBe('Detached work\n');
    expect(notes()).toBe(before);
    repo.git(['checkout', '-q', branch]);
  });

  it('while a rebase is in progress (and a real rebase keeps every message)', () => {
    fs.mkdirSync(path.join(repo.dir, '.git', 'rebase-merge'));
    const before = notes();
    expect(commit(['-q', '-m', 'Mid-rebase words']).status).toBe(0);
    fs.rmSync(path.join(repo.dir, '.git', 'rebase-merge'), { recursive: true });
    expect(last()).toBe('Mid-rebase words\n');
    expect(notes()).toBe(before);
    const messages = repo.git(['log', '--format=%B%x00', 'main..HEAD']);
    const linked = repo.git(['log', '--notes=milestones', '--format=%N%x00', 'main..HEAD']);
    const shown = ok(['task', 'show', T, '--json']).json().commits.length;
    repo.git(['checkout', '-q', 'main']);
    fs.writeFileSync(path.join(repo.dir, 'main.txt'), 'main\n');
    repo.git(['add', 'main.txt']);
    repo.git(['commit', '-q', '-m', 'main moves on']);
    repo.git(['checkout', '-q', branch]);
    // The same committer second as the originals (a quick rebase keeps it): the tie goes to the rebased commits.
    const second = repo.git(['log', '-1', '--format=%cI', branch]).trim();
    repo.git(['rebase', '-q', 'main'], { env: gitEnv({ GIT_COMMITTER_DATE: second }) });
    expect(repo.git(['log', '--format=%B%x00', 'main..HEAD'])).toBe(messages);
    // git carried each note to the rebased commit (notes.rewriteRef, set by hooks install); no new link events
    expect(repo.git(['log', '--notes=milestones', '--format=%N%x00', 'main..HEAD'])).toBe(linked);
    const after = ok(['task', 'show', T, '--json']).json().commits;
    expect(after).toHaveLength(shown);
    const reachable = new Set(repo.git(['rev-list', 'HEAD']).split('\n'));
    expect(after.every((c: any) => reachable.has(c.commit))).toBe(true); // the rebased commits, not the old ones
  });

  it('a broken settings file or a missing index never blocks a commit', () => {
    fs.mkdirSync(path.join(repo.dir, '.milestones', 'config'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones', 'config', 'milestone-config.yaml'), 'commit_format: [oops\n');
    fs.rmSync(path.join(repo.dir, '.git', 'milestones', 'index'), { recursive: true, force: true });
    const r = commit(['-q', '-m', 'Still works', '--', 'f' + (n + 1) + '.txt']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/git-milestone: ignoring \.milestones\/config\/milestone-config\.yaml/);
    expect(last().split('\n')[0]).toBe(`feat(milestone-${M.slice(0, 8)}): still works`);
    fs.rmSync(path.join(repo.dir, '.milestones'), { recursive: true });
  });
});
