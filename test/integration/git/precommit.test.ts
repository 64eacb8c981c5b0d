/**
 * The pre-commit hook refuses a commit that stages an invalid settings file — judged on the
 * staged content, with file, line and key in the message — and nothing else: a valid file, an
 * invalid file that is not staged, and any other commit go through; --no-verify skips the check.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
const cfg = () => path.join(repo.dir, '.milestones', 'config', 'milestone-config.yaml');
const commit = (args: string[] = []) => spawnSync('git', ['commit', '-q', '-m', 'settings', ...args], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
const head = () => repo.git(['rev-parse', 'HEAD']).trim();

beforeAll(() => {
  repo = makeTmpRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  expect(cli(repo.dir, ['hooks', 'install'], { GIT_CONFIG_GLOBAL: '/dev/null' }).code).toBe(0);
  fs.mkdirSync(path.dirname(cfg()), { recursive: true });
});
afterAll(() => repo.cleanup());

describe('pre-commit: staged settings files', () => {
  it('refuses invalid YAML and schema errors, naming file, line and key', () => {
    const before = head();
    fs.writeFileSync(cfg(), 'auto_branch: true\ncache:\n  ttl: soon\nbranch_cleanup: sometimes\n');
    repo.git(['add', '-A']);
    const r = commit();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('.milestones/config/milestone-config.yaml:3');
    expect(r.stderr).toMatch(/cache\.ttl/);
    expect(r.stderr).toMatch(/milestone-config\.yaml:4.*branch_cleanup/);
    expect(r.stderr).toMatch(/commit refused/);
    expect(head()).toBe(before);
    fs.writeFileSync(cfg(), 'auto_branch: true\ncache:\n  ttl: 5\n enabled: true\n');
    repo.git(['add', '-A']);
    const syntax = commit();
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toMatch(/milestone-config\.yaml:\d+/);
  });

  it('--no-verify skips the check', () => {
    const r = commit(['--no-verify']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('judges the staged content, not the work tree; accepts a valid file; unknown keys only warn', () => {
    fs.writeFileSync(cfg(), 'branch_prefix: team/\nsome_future_key: 1\n');
    repo.git(['add', '-A']);
    fs.writeFileSync(cfg(), 'branch_prefix: [broken\n'); // not staged
    const r = commit();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*some_future_key/);
    expect(repo.git(['show', 'HEAD:.milestones/config/milestone-config.yaml'])).toBe('branch_prefix: team/\nsome_future_key: 1\n');
  });

  it('refuses nothing else: an invalid file in the work tree does not stop an unrelated commit', () => {
    fs.writeFileSync(path.join(repo.dir, 'other.txt'), 'x\n');
    repo.git(['add', 'other.txt']);
    const r = commit();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('refuses a staged invalid workflow or template file with file:line messages; a valid one passes', () => {
    const wf = path.join(repo.dir, '.milestones', 'workflows');
    fs.mkdirSync(path.join(wf, 'text'), { recursive: true });
    const before = head();
    fs.writeFileSync(path.join(wf, 'three.yaml'), 'phases:\n  - name: a\n    weight: 50\n  - name: b\n    weight: 40\n');
    repo.git(['add', '.milestones/workflows']);
    const weights = commit();
    expect(weights.status).toBe(1);
    expect(weights.stderr).toMatch(/\.milestones\/workflows\/three\.yaml:1: phases: phase weights sum to 90, not 100/);
    expect(weights.stderr).toMatch(/commit refused/);
    expect(head()).toBe(before);

    // The template_file is judged in the index too: present in the work tree but not staged is missing.
    fs.writeFileSync(path.join(wf, 'three.yaml'),
      'phases:\n  - name: a\n    weight: 60\n    deliverables:\n      - template_file: text/a.md\n  - name: b\n    weight: 40\n');
    repo.git(['add', '.milestones/workflows/three.yaml']);
    fs.writeFileSync(path.join(wf, 'text', 'a.md'), '# a\n');
    const unstaged = commit();
    expect(unstaged.status).toBe(1);
    expect(unstaged.stderr).toMatch(/three\.yaml:5: phases\.0\.deliverables\.0\.template_file: template file .* not found/);
    repo.git(['add', '.milestones/workflows']);
    const ok = commit();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toBe('');

    fs.mkdirSync(path.join(repo.dir, '.milestones', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones', 'templates', 'rel.yaml'),
      'title: R {{v}}\ntasks:\n  - key: a\n    title: A\n    depends_on: [zz]\n');
    repo.git(['add', '.milestones/workflows', '.milestones/templates']);
    const tpl = commit();
    expect(tpl.status).toBe(1);
    expect(tpl.stderr).toMatch(/\.milestones\/templates\/rel\.yaml:5: tasks\.0\.depends_on\.0: no task with key "zz"/);
    repo.git(['rm', '-q', '--cached', '.milestones/templates/rel.yaml']);
  });
});
