/**
 * Acceptance on real data: the `.milestones/` folder committed by users of the earlier system
 * (../shared/corpus/legacy-samples, see its SOURCES.md; read in place, never copied). All five
 * milestones come in, the malformed event line is reported by file and line, and an export gives
 * every file back. Where the corpus is absent the test says so in its name and checks the same
 * things on the project's own fixture instead.
 */
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { sharedCorpus } from '../../helpers/corpus';
import { repoPerTest, type TmpRepo } from '../../helpers/tmpRepo';
import { filesUnder, parsed, TREE } from './legacyFiles';

const CORPUS = sharedCorpus('legacy-samples/.milestones');
const current = repoPerTest();
let repo: TmpRepo;
beforeEach(() => {
  repo = current();
});

function importAndRoundTrip(dir: string): { out: any; written: string[] } {
  const r = cli(repo.dir, ['import', '--from-format', 'legacy', '--path', dir, '--json']);
  expect(r.code, r.stderr).toBe(1);
  const exported = path.join(repo.dir, 'exported');
  expect(cli(repo.dir, ['export', '--format', 'legacy', '--path', exported]).code).toBe(0);
  const written = filesUnder(exported);
  for (const f of written) expect(parsed(path.join(exported, f)), f).toEqual(parsed(path.join(dir, f)));
  return { out: r.json(), written };
}

describe('real data from the earlier system', () => {
  if (CORPUS !== null) {
    it('imports all five corpus milestones, reports the malformed event line by file and line, and exports every field back', () => {
      const { out, written } = importAndRoundTrip(CORPUS);
      expect(out.counts).toMatchObject({ created: 5, problems: 1 });
      expect(out.milestones.map((m: any) => m.legacyId).sort()).toEqual(
        ['completed-milestone', 'milestone-001', 'test-kiro-milestone', 'test-mcp-integration', 'test-milestone'],
      );
      expect(out.problems).toEqual([{ file: 'state/events/milestone-milestone-001.jsonl', line: 1, message: expect.stringMatching(/^not valid JSON/) }]);
      expect(written).toEqual(filesUnder(CORPUS));
      const m1 = cli(repo.dir, ['show', 'milestone-001', '--json']).json();
      expect(m1).toMatchObject({ status: 'in_progress', progress: 80, extra: { progress: { percentage: 90 } } });
      expect(m1.tasks.map((t: any) => t.status)).toEqual(['completed', 'completed', 'completed', 'completed', 'pending']);
      expect(cli(repo.dir, ['show', 'test-mcp-integration', '--json']).json()).toMatchObject({ status: 'planned', extra: { legacy: { status: 'planning' } } });
      expect(cli(repo.dir, ['list', '--json']).json()).toHaveLength(5);
      // kiro_workflow phases come in as phase operations: weights and gates from kiro_configuration
      const kiro = cli(repo.dir, ['show', 'test-kiro-milestone', '--json']).json();
      const phases = kiro.tasks.map((t: any) => cli(repo.dir, ['task', 'show', t.id, '--json']).json());
      expect(phases.map((t: any) => [t.workflow ?? null, t.phases.length])).toEqual([['kiro', 4], [null, 0], ['kiro', 4]]);
      expect(phases[0].phases.map((p: any) => [p.name, p.weight, p.needsApproval, p.status, p.reviews])).toEqual([
        ['design', 15, true, 'pending', []], ['spec', 25, true, 'pending', []],
        ['task', 20, false, 'pending', []], ['execute', 40, false, 'pending', []],
      ]);
      expect(phases[0].extra.kiro_workflow.phases.design).toEqual({ approval_required: true, deliverables: ['architecture_diagram', 'api_specification'] });
    });
  } else {
    it(`corpus not found (../shared/corpus/legacy-samples): checks the project's fixture (broken YAML file, malformed event lines) instead`, () => {
      const { out } = importAndRoundTrip(TREE);
      expect(out.counts).toMatchObject({ created: 5 });
      expect(out.problems.map((p: any) => `${p.file}:${p.line ?? ''}`)).toContain('state/events/milestone-web-launch.jsonl:2');
    });
  }
});
