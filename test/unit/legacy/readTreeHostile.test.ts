/**
 * A legacy folder built to mislead the reader: symbolic links out of the folder (never followed,
 * each reported), bytes that are not UTF-8 (reported by file and line), the same legacy id in two
 * files (reported; the fuller file is imported, never the stub) and a task id used twice.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planLegacy } from '../../../src/core/import/planLegacy';
import { readLegacyTree } from '../../../src/legacy/readTree';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-legacy-hostile-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, '.milestones');
const secret = path.join(tmp, 'id_rsa');
const put = (rel: string, data: string | Buffer): void => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), data);
};
fs.writeFileSync(secret, 'secret: -----BEGIN OPENSSH PRIVATE KEY-----\n');
fs.mkdirSync(path.join(tmp, 'outside-sessions'));
fs.writeFileSync(path.join(tmp, 'outside-sessions', 's.yaml'), 'session: {milestone_id: full}\nkey: stolen\n');
put('active/full.yaml', 'id: full\ntitle: Full\ntasks:\n  - {id: t1, title: One}\n  - {id: t1, title: Again}\n  - {id: t2, title: Two, dependencies: [t1]}\n');
put('completed/full.yaml', 'id: full\ntitle: Stub\n');
put('active/stub-first.yaml', 'id: twice\ntitle: Stub\n');
put('completed/twice/definition.yaml', 'id: twice\ntitle: Whole\ndescription: the real one\ntasks: [a, b]\n');
put('active/latin1.yaml', Buffer.concat([Buffer.from('id: latin1\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\ndescription: ok\n')]));
fs.symlinkSync(secret, path.join(root, 'active', 'key.yaml'));
fs.symlinkSync(secret, path.join(root, 'completed', 'twice', 'completion-report.yaml'));
fs.symlinkSync(path.join(tmp, 'outside-sessions'), path.join(root, 'sessions'));
fs.symlinkSync(path.join(root, 'active', 'full.yaml'), path.join(root, 'active', 'inside-link.yml'));

describe('readLegacyTree on a hostile folder', () => {
  const tree = readLegacyTree(root);
  const where = (p: { file: string; line?: number }): string => `${p.file}${p.line ? `:${p.line}` : ''}`;

  it('never follows a link out of the folder, and says which links it did not follow', () => {
    expect(JSON.stringify(tree.milestones)).not.toMatch(/PRIVATE KEY|stolen/);
    const outside = tree.problems.filter((p) => /outside the imported folder/.test(p.message)).map(where).sort();
    expect(outside).toEqual(['active/key.yaml', 'completed/twice/completion-report.yaml', 'sessions']);
  });

  it('reports bytes that are not UTF-8 by file and line, and imports the rest of the file', () => {
    expect(tree.problems.filter((p) => /not UTF-8/.test(p.message)).map(where)).toEqual(['active/latin1.yaml:2']);
    expect(tree.milestones.find((m) => m.legacyId === 'latin1')?.doc).toMatchObject({ title: 'Caf\uFFFD', description: 'ok' });
  });

  it('reports a legacy id defined twice and imports the fuller file, whichever comes first', () => {
    const files = Object.fromEntries(tree.milestones.map((m) => [m.legacyId, m.file]));
    expect(files).toEqual({ full: 'active/full.yaml', twice: 'completed/twice/definition.yaml', latin1: 'active/latin1.yaml' });
    const dup = tree.problems.filter((p) => /also defined by/.test(p.message)).map(where).sort();
    expect(dup).toEqual(['active/inside-link.yml', 'active/stub-first.yaml', 'completed/full.yaml']);
  });

  it('warns of a task id used twice in one milestone and links a dependency to the first', () => {
    const row = planLegacy(tree, new Map(), { name: 'I', email: 'i@example.com' }).rows.find((r) => r.legacyId === 'full')!;
    expect(row.warnings).toEqual([expect.stringMatching(/^task id "t1" is used by 2 tasks \(entries 1, 2 of tasks\)/)]);
    const state = row.pending!.build().state;
    expect(state.tasks.map((t) => t.title)).toEqual(['One', 'Again', 'Two']);
    expect(state.tasks[2].dependsOn).toEqual([state.tasks[0].id]);
  });
});
