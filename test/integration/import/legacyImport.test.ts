/**
 * `git milestone import --from-format legacy` and `export --format legacy` through the CLI on the
 * fixture folder (fixtures/legacy/tree, every part of the format plus broken files): what is
 * imported and reported, aliases, idempotence, dry runs, where the folder is looked for, and a
 * round trip that gives back every field of every file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { repoPerTest, type TmpRepo } from '../../helpers/tmpRepo';
import { filesUnder, parsed, TREE } from './legacyFiles';

const current = repoPerTest();
let repo: TmpRepo;
beforeEach(() => {
  repo = current();
});

const refs = (): string => repo.git(['for-each-ref', 'refs/milestones']);

describe('import --from-format legacy', () => {
  it('imports every readable milestone, reports broken files and lines by file and line, and exits 1', () => {
    const r = cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^Imported 5 milestones \(11 tasks\)/);
    for (const id of ['api-v2', 'no-id', 'web-launch', 'beta', 'old-release']) expect(r.stdout).toMatch(new RegExp(`created\\s+${id}\\s`));
    expect(r.stdout).toContain('warning: active/broken.yaml:6: not valid YAML');
    expect(r.stdout).toContain('warning: state/events/milestone-web-launch.jsonl:2: not valid JSON');
    expect(r.stdout).toContain('warning: completed/beta/audit-trail.jsonl:3:');
    expect(r.stdout).toContain('skipped: config/');
    const web = cli(repo.dir, ['show', 'web-launch', '--json']).json();
    expect(web).toMatchObject({ title: 'Launch the new web site', status: 'planned', aliases: ['web-launch'] });
    expect(web.tasks).toHaveLength(5);
    expect(web.extra.legacy.sessions['session-web-1'].session.status).toBe('paused');
    expect(web.extra.legacy.events).toHaveLength(2);
    expect(cli(repo.dir, ['show', 'api-v2', '--json']).json().status).toBe('in_progress');
  });

  it('changes nothing when run again, and says so', () => {
    cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE]);
    const before = refs();
    const r = cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE, '--json']);
    expect(r.json().counts).toMatchObject({ created: 0, existing: 5 });
    expect(refs()).toBe(before);
  });

  it('--dry-run reports per file what would be imported and writes nothing', () => {
    const r = cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE, '--dry-run', '--json']);
    const out = r.json();
    expect(out.counts).toMatchObject({ wouldCreate: 5, created: 0, existing: 0, tasks: 11 });
    expect(out.milestones.map((m: any) => [m.file, m.action])).toContainEqual(['active/web-launch.yaml', 'would-create']);
    expect(out.problems.map((p: any) => `${p.file}:${p.line ?? ''}`)).toContain('state/events/milestone-web-launch.jsonl:2');
    expect(refs()).toBe('');
    expect(cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE, '--dry-run']).stdout).toMatch(/^Dry run: would import 5 milestones/);
  });

  it('reads .milestones/ of the work tree by default, or MILESTONE_DATA_PATH', () => {
    fs.cpSync(path.join(TREE, 'completed'), path.join(repo.dir, '.milestones', 'completed'), { recursive: true });
    expect(cli(repo.dir, ['import', '--from-format', 'legacy', '--json']).json().counts.created).toBe(2);
    fs.cpSync(path.join(TREE, 'active'), path.join(repo.dir, 'elsewhere', 'active'), { recursive: true });
    const r = cli(repo.dir, ['import', '--format', 'legacy', '--json'], { MILESTONE_DATA_PATH: 'elsewhere' });
    expect(r.json().counts.created).toBe(3);
    expect(cli(repo.dir, ['import', '--json']).json().error.code).toBe('USAGE');
  });

  it('resumes a partial import without duplicates', () => {
    const part = fs.mkdtempSync(path.join(repo.dir, 'part-'));
    fs.cpSync(path.join(TREE, 'active'), path.join(part, 'active'), { recursive: true });
    expect(cli(repo.dir, ['import', '--from-format', 'legacy', '--path', part, '--json']).json().counts.created).toBe(3);
    const r = cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE, '--json']).json();
    expect(r.counts).toMatchObject({ created: 2, existing: 3 });
    const aliases = cli(repo.dir, ['list', '--json']).json().flatMap((m: any) => m.aliases);
    expect(aliases.sort()).toEqual(['api-v2', 'beta', 'no-id', 'old-release', 'web-launch']);
  });
});

describe('export --format legacy', () => {
  it('writes the same layout back, and every file parses to what was imported', () => {
    cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE]);
    const out = path.join(repo.dir, 'exported');
    const r = cli(repo.dir, ['export', '--format', 'legacy', '--path', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Exported 5 milestones \(13 files\)/);
    const written = filesUnder(out);
    const expected = filesUnder(TREE).filter((f) => !/^(config|deliverables)\/|broken\.yaml$|orphan\.yaml$/.test(f));
    expect(written).toEqual(expected);
    for (const f of written) expect(parsed(path.join(out, f)), f).toEqual(parsed(path.join(TREE, f)));
  });

  it('writes changes made after the import, in the legacy spelling', () => {
    cli(repo.dir, ['import', '--from-format', 'legacy', '--path', TREE]);
    expect(cli(repo.dir, ['edit', 'api-v2', '--status', 'blocked', '--due', '2025-03-31']).code).toBe(0);
    const out = path.join(repo.dir, 'exported');
    cli(repo.dir, ['export', '--format', 'legacy', '--path', out]);
    const api = parsed(path.join(out, 'active/api-v2.yaml')) as any;
    expect(api.status).toBe('blocked');
    expect(api.timeline).toEqual({ start_date: '2025-01-06', due_date: '2025-03-31', estimated_completion: '2025-02-20' });
    expect((parsed(path.join(out, 'active/web-launch.yaml')) as any).status).toBe('planning');
  });
});
