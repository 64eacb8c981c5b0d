/**
 * Reading a legacy folder (fixtures/legacy/tree, which has every part of the format): the five
 * readable milestones with their attached files, every unreadable file or line by file and line,
 * and the parts that are not imported, each with its reason.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegacyTree } from '../../../src/legacy/readTree';

const TREE = path.resolve(__dirname, '../../../fixtures/legacy/tree');

describe('readLegacyTree', () => {
  const tree = readLegacyTree(TREE);
  const byId = new Map(tree.milestones.map((m) => [m.legacyId, m]));

  it('finds active, completed and completed-folder milestones; an id-less file is named after the file', () => {
    expect(tree.milestones.map((m) => [m.legacyId, m.file])).toEqual([
      ['api-v2', 'active/api-v2.yaml'],
      ['no-id', 'active/no-id.yaml'],
      ['web-launch', 'active/web-launch.yaml'],
      ['beta', 'completed/beta/definition.yaml'],
      ['old-release', 'completed/old-release.yaml'],
    ]);
    expect(byId.get('web-launch')?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('attaches the current marker, sessions, approvals, events and completion files to their milestone', () => {
    const web = byId.get('web-launch')?.attachments;
    expect(web?.current).toBe(true);
    expect(Object.keys(web?.sessions ?? {})).toEqual(['session-web-1']);
    expect(web?.currentSession).toBe('session-web-1');
    expect(Object.keys(web?.approvals ?? {})).toEqual(['approval-web-launch-task-001-design-spec.yaml']);
    expect(web?.events?.map((e) => e.event_type)).toEqual(['milestone_started', 'phase_approved']);
    expect(web?.rejectedEvents?.map((r) => r.line)).toEqual([2]);
    const beta = byId.get('beta')?.attachments;
    expect(beta?.completionReport).toMatchObject({ metrics: { testers: 40 } });
    expect(beta?.lessonsLearned).toEqual(['Recruit earlier', 'Automate the feedback form']);
    expect(beta?.auditTrail).toHaveLength(2);
  });

  it('reports each unreadable file or line by file and line, and what it skips', () => {
    expect(tree.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}`).sort()).toEqual([
      'active/broken.yaml:6',
      'completed/beta/audit-trail.jsonl:3',
      'sessions/orphan.yaml',
      'state/events/milestone-web-launch.jsonl:2',
    ]);
    expect(tree.problems.find((p) => p.file === 'active/broken.yaml')?.message).toMatch(/not valid YAML/);
    expect(tree.skipped.map((s) => s.file)).toEqual(['config/', 'deliverables/']);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => readLegacyTree(path.join(TREE, 'nope'))).toThrow(/no legacy data folder/);
  });
});
