/**
 * Legacy phases and approvals through the CLI, on a small fixture written here: the import gives an
 * imported task its phases, reviews and gate in `task show`, `review --pending` (answered from the
 * index) lists its waiting phase, a review made in git-milestone by the identity running it decides
 * that phase, and `export --format legacy` writes the phases back in the legacy spelling with who
 * approved; every file not changed since comes back as it was read. One repository for the file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';
import { filesUnder, parsed } from './legacyFiles';

const FILES: Record<string, string> = {
  'active/shop.yaml': `id: shop
title: Shop
status: active
kiro_configuration:
  approval_gates:
    design_to_spec: {required: true, approvers: [lead, ux]}
tasks:
  - id: task-1
    title: Checkout
    status: kiro_managed
    kiro_workflow:
      enabled: true
      current_phase: spec
      phases:
        design: {status: approved, deliverables: [wireframes]}
        spec: {status: waiting_approval, started_at: "2025-06-02T08:00:00Z", deliverables: [spec]}
        task: {status: pending}
        execute: {status: pending}
  - id: task-2
    title: Plain
    status: pending
`,
  'approvals/approval-shop-task-1-design-spec.yaml': `milestone_id: shop
task_id: task-1
from_phase: design
to_phase: spec
status: approved
approvers: [lead, ux]
decisions:
  - {approver: lead, decision: approved, at: "2025-06-01T10:00:00Z"}
  - {approver: ux, decision: approved, at: "2025-06-01T12:00:00Z"}
`,
};

let repo: TmpRepo;
let src: string;
let taskId: string;
beforeAll(() => {
  repo = makeTmpRepo();
  src = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-legacy-phases-'));
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), text);
  }
  const r = cli(repo.dir, ['import', '--from-format', 'legacy', '--path', src, '--json']);
  expect(r.code, r.stderr).toBe(0);
  taskId = cli(repo.dir, ['show', 'shop', '--json']).json().tasks[0].id;
});
afterAll(() => {
  repo.cleanup();
  fs.rmSync(src, { recursive: true, force: true });
});

describe('legacy phases through the CLI', () => {
  it('shows the imported phases, who approved and when, and the waiting phase in review --pending', () => {
    const t = cli(repo.dir, ['task', 'show', taskId, '--json']).json();
    expect(t).toMatchObject({ workflow: 'kiro', status: 'in_progress', progress: 38 }); // 15 + 25 × 0.9 = 37.5
    expect(t.phases.map((p: any) => [p.name, p.status, p.needsApproval])).toEqual([
      ['design', 'approved', true], ['spec', 'waiting_approval', true], ['task', 'pending', false], ['execute', 'pending', false],
    ]);
    expect(t.phases[0].reviews.map((r: any) => [r.by, r.decision, r.at])).toEqual([
      ['lead <lead>', 'approve', '2025-06-01T10:00:00Z'], ['ux <ux>', 'approve', '2025-06-01T12:00:00Z'],
    ]);
    expect(t.phases[1].startedAt).toBe('2025-06-02T08:00:00Z');
    const pending = cli(repo.dir, ['review', '--pending', '--json']).json();
    expect(JSON.stringify(pending)).toContain(taskId);
    expect(JSON.stringify(pending)).toContain('"spec"');
  });

  it('exports the phases back; a review made since is written with its reviewer', () => {
    const out = path.join(repo.dir, 'out-before');
    expect(cli(repo.dir, ['export', '--format', 'legacy', '--path', out]).code).toBe(0);
    for (const f of filesUnder(src)) expect(parsed(path.join(out, f)), f).toEqual(parsed(path.join(src, f)));
    const env = { GIT_AUTHOR_NAME: 'Rita Reviewer', GIT_AUTHOR_EMAIL: 'rita@example.com' };
    const r = cli(repo.dir, ['review', taskId, '--approve', '-m', 'good spec', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const after = path.join(repo.dir, 'out-after');
    expect(cli(repo.dir, ['export', '--format', 'legacy', '--path', after]).code).toBe(0);
    const task = (parsed(path.join(after, 'active/shop.yaml')) as any).tasks[0];
    expect(task.kiro_workflow.phases.spec).toEqual({
      status: 'approved', deliverables: ['spec'], started_at: '2025-06-02T08:00:00Z',
      approved_at: expect.any(String), approved_by: 'Rita Reviewer <rita@example.com>',
    });
    expect(task.kiro_workflow.current_phase).toBe('task');
    expect(task.kiro_workflow.phases.design).toEqual({ status: 'approved', deliverables: ['wireframes'] });
    expect(parsed(path.join(after, 'approvals/approval-shop-task-1-design-spec.yaml'))).toEqual(
      parsed(path.join(src, 'approvals/approval-shop-task-1-design-spec.yaml')),
    );
  });
});
