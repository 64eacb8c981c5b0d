/**
 * The mapping both ways without git: every fixture milestone is mapped, turned into operations,
 * folded by the domain, then written back as legacy files, which must parse to exactly the
 * documents that were read (only key order and formatting may differ).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { planLegacy } from '../../../src/core/import/planLegacy';
import type { PlannedEntity } from '../../../src/core/import/planEntity';
import { readLegacyTree } from '../../../src/legacy/readTree';
import { toLegacyFiles } from '../../../src/legacy/toLegacyFiles';

const TREE = path.resolve(__dirname, '../../../fixtures/legacy/tree');
const AUTHOR = { name: 'Importer', email: 'importer@example.com' };

function parsedFile(rel: string): unknown {
  const text = fs.readFileSync(path.join(TREE, rel), 'utf8');
  if (rel.endsWith('.jsonl')) return text.split('\n').flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } });
  return rel.endsWith('.txt') ? `${text.trim()}\n` : YAML.parse(text);
}

describe('legacy → operations → state → legacy', () => {
  const tree = readLegacyTree(TREE);
  const { rows } = planLegacy(tree, new Map(), AUTHOR);
  const plans = new Map(rows.map((r) => [r.legacyId, r.pending?.build() as PlannedEntity]));
  const names = new Map([...plans].map(([legacyId, p]) => [p.id, legacyId]));

  it('gives every file back with every field', () => {
    const taken = new Set<string>();
    const written = [...plans].flatMap(([legacyId, p]) => toLegacyFiles(p.state, legacyId, (id) => names.get(id) ?? id, taken));
    expect(written.map((f) => f.file).sort()).toEqual([
      'active/api-v2.yaml', 'active/current.txt', 'active/no-id.yaml', 'active/web-launch.yaml',
      'approvals/approval-web-launch-task-001-design-spec.yaml', 'completed/beta/audit-trail.jsonl',
      'completed/beta/completion-report.yaml', 'completed/beta/definition.yaml', 'completed/beta/lessons-learned.yaml',
      'completed/old-release.yaml', 'sessions/current.txt', 'sessions/session-web-1.yaml', 'state/events/milestone-web-launch.jsonl',
    ]);
    for (const f of written) expect(f.value, f.file).toEqual(parsedFile(f.file));
  });

  it('maps what the model holds and keeps the rest in extra', () => {
    const web = plans.get('web-launch')!.state;
    expect(web).toMatchObject({
      aliases: ['web-launch'], title: 'Launch the new web site', status: 'planned', priority: 'high', category: 'feature',
      startDate: '2025-03-03', dueDate: '2025-04-30', estimatedHours: 120, dependsOn: [plans.get('api-v2')!.id],
      created: { at: '2025-03-01T09:30:00Z', by: AUTHOR },
    });
    expect(web.extra).toMatchObject({
      progress: { percentage: 35, tasks_completed: 1, total_tasks: 5 }, owner_notes: expect.any(String),
      timeline: { buffer_percentage: 15, phase_timing: { design_hours: 18 } }, dependencies: { enables: ['mobile-app'] },
      kiro_configuration: { phase_weights: { execute: 50 } }, legacy: { status: 'planning', ownLegacy: 'a field that happens to be called legacy' },
    });
    const [design, pages, hosting, notes, text] = web.tasks;
    expect(design).toMatchObject({ status: 'in_progress', assignee: 'ana', extra: { legacy: { id: 'task-001', status: 'kiro_managed' } } });
    expect(pages.dependsOn).toEqual([design.id, hosting.id]);
    expect(hosting).toMatchObject({ status: 'completed', startedAt: '2025-03-04T09:00:00Z', completedAt: '2025-03-05T17:00:00Z', estimatedHours: 6.5 });
    expect(notes).toMatchObject({ status: 'pending', extra: { status: 'done', priority_hint: 'unknown task field' } });
    expect(text).toMatchObject({ title: 'Tell the support team', extra: { legacy: { form: 'text' } } });
    const api = plans.get('api-v2')!.state;
    expect(api).toMatchObject({ status: 'in_progress', startDate: '2025-01-06', dueDate: '2025-02-28', extra: { progress: 60, legacy: { status: 'active' } } });
    expect(api.tasks.map((t) => t.dependsOn.length)).toEqual([1, 0, 0]);
    expect(api.tasks[1].extra.dependencies).toEqual(['task-1']);
  });

  it('derives progress instead of importing it, using the milestone phase weights', () => {
    const api = plans.get('api-v2')!.state;
    expect(api.extra.progress).toBe(60);
    expect(api.tasks.map((t) => t.status)).toEqual(['completed', 'in_progress', 'pending']);
  });

  it('is deterministic: the same files give the same ids and operations', () => {
    const again = planLegacy(readLegacyTree(TREE), new Map(), AUTHOR).rows;
    expect(again.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(again.map((r) => r.pending?.build().commits.map((c) => c.pack))).toEqual([...plans.values()].map((p) => p.commits.map((c) => c.pack)));
  });
});
