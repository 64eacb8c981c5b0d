/**
 * Legacy `kiro_workflow` phases and approval files → phase and review operations → state → legacy
 * files, without git. The fixture is written here: one milestone whose tasks cover every phase
 * status, an approval file with two approvers, a phase decided only through `approved_by`, the
 * string form of a phase, custom phases with their own weights, and a task whose phases no sequence
 * of phase operations reaches (kept verbatim, with a warning).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { planLegacy } from '../../../src/core/import/planLegacy';
import { applyOps } from '../../../src/domain/fold';
import { milestoneProgress } from '../../../src/domain/progress';
import { phaseSetOp, reviewAddOp } from '../../../src/domain/ops/constructors';
import type { MilestoneState, Operation } from '../../../src/domain/types';
import { readLegacyTree } from '../../../src/legacy/readTree';
import { toLegacyFiles } from '../../../src/legacy/toLegacyFiles';
import { encodeOp } from '../../../src/legacy/toOps';

const MILESTONE = `id: phased
title: Phased work
status: in_progress
kiro_configuration:
  enabled: true
  default_phases: [design, spec, task, execute]
  phase_weights: {design: 10, spec: 30, task: 20, execute: 40}
  approval_gates:
    spec_to_task: {required: false, approvers: [], criteria: []}
tasks:
  - id: t-approved
    title: Approved by two, spec waiting
    status: kiro_managed
    kiro_workflow:
      enabled: true
      current_phase: spec
      phases:
        design: {status: approved, approval_required: true, approved_at: "2025-03-10T11:00:00Z", approved_by: designer}
        spec: {status: waiting_approval, started_at: "2025-03-11T09:00:00Z", completed_at: "2025-03-12T09:00:00Z"}
        task: {status: pending}
        execute: {status: pending}
  - id: t-by
    title: Approved by one, named on the phase
    status: in_progress
    kiro_workflow:
      enabled: true
      phases:
        design: {status: approved, approved_at: "2025-04-01", approved_by: "Ana <ana@example.com>", approval_notes: fine}
        spec: {status: rejected}
  - id: t-mixed
    title: Sent back, completed without a gate, blocked
    status: in_progress
    kiro_workflow:
      enabled: true
      phases:
        design: completed
        spec: {status: approved}
        task: {status: changes_requested, approval_required: true}
        execute: {status: blocked}
  - id: t-bad
    title: Spec started before design was done
    status: in_progress
    kiro_workflow:
      enabled: true
      phases:
        design: {status: in_progress}
        spec: {status: in_progress}
  - id: t-off
    title: Not in the workflow
    status: pending
    kiro_workflow: {enabled: false}
`;
const APPROVAL = `milestone_id: phased
task_id: t-approved
from_phase: design
to_phase: spec
status: approved
approvers: [tech_lead, designer]
decisions:
  - {approver: tech_lead, decision: approved, at: "2025-03-10T10:00:00Z"}
  - {approver: designer, decision: approved, at: "2025-03-10T11:00:00Z", comments: ship it}
`;
const CUSTOM = `id: custom
title: Three phases
kiro_configuration:
  default_phases: [research, build, ship]
  phase_weights: {research: 20, build: 50, ship: 30}
tasks:
  - id: c1
    title: Custom phases
    status: in_progress
    kiro_workflow: {enabled: true, phases: {research: {status: completed}, build: {status: in_progress}}}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-legacy-phases-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
write('active/phased.yaml', MILESTONE);
write('active/custom.yaml', CUSTOM);
write('approvals/approval-phased-t-approved-design-spec.yaml', APPROVAL);

const IMPORTER = { name: 'Importer', email: 'importer@example.com' };
const rows = planLegacy(readLegacyTree(dir), new Map(), IMPORTER).rows;
const built = new Map(rows.map((r) => [r.legacyId, r.pending!.build()]));
const state = (id: string) => built.get(id)!.state;
const task = (s: MilestoneState, legacyId: string) => s.tasks.find((t) => (t.extra.legacy as any).id === legacyId)!;
const summary = (s: MilestoneState, legacyId: string) => task(s, legacyId).workflow?.phases.map((p) => `${p.name}:${p.status}`);
const exported = (s: MilestoneState, legacyId: string) => toLegacyFiles(s, legacyId, (id) => id, new Set());
const tasksOf = (s: MilestoneState, legacyId: string) => (exported(s, legacyId)[0].value as any).tasks;

describe('legacy phases → operations', () => {
  it('gives each phase the status the file gives it, through phase and review operations', () => {
    const s = state('phased');
    expect(summary(s, 't-approved')).toEqual(['design:approved', 'spec:waiting_approval', 'task:pending', 'execute:pending']);
    expect(summary(s, 't-by')).toEqual(['design:approved', 'spec:rejected', 'task:pending', 'execute:pending']);
    // changes_requested: sent back to in_progress by a request for changes, as `review --request-changes` does
    expect(summary(s, 't-mixed')).toEqual(['design:completed', 'spec:approved', 'task:in_progress', 'execute:blocked']);
    expect(task(s, 't-bad').workflow ?? null).toBeNull();
    expect(task(s, 't-off').workflow ?? null).toBeNull();
    const ops = built.get('phased')!.commits.flatMap((c) => c.ops);
    expect(ops.filter((o) => o.type === 'task.workflow')).toHaveLength(3);
    expect(rows.find((r) => r.legacyId === 'phased')!.warnings).toEqual([
      expect.stringMatching(/^task "t-bad": its kiro_workflow phases start a phase before the one before it is done; kept as written/),
    ]);
  });

  it('takes weights and gates from kiro_configuration, a phase\'s own approval_required over the gate', () => {
    const w = task(state('phased'), 't-approved').workflow!;
    expect(w.name).toBe('kiro');
    expect(w.phases.map((p) => [p.name, p.weight, p.needsApproval])).toEqual([
      ['design', 10, true], ['spec', 30, true], ['task', 20, false], ['execute', 40, false],
    ]);
    // task: the gate says no approval, the phase says yes (and it was sent back, so it had one)
    expect(task(state('phased'), 't-mixed').workflow!.phases.map((p) => p.needsApproval)).toEqual([false, true, true, false]);
    const c = task(state('custom'), 'c1').workflow!;
    expect([c.name, c.phases.map((p) => `${p.name}:${p.weight}:${p.status}`)]).toEqual(['legacy', ['research:20:completed', 'build:50:in_progress', 'ship:30:pending']]);
    expect(task(state('custom'), 'c1').workflow && state('custom').tasks[0].status).toBe('in_progress');
  });

  it('records who decided and when: every approver of the approval file, or approved_by', () => {
    const design = task(state('phased'), 't-approved').workflow!.phases[0];
    expect(design.approvers).toEqual([{ role: 'tech_lead', emails: ['tech_lead'] }, { role: 'designer', emails: ['designer'] }]);
    expect(design.reviews.map((r) => [r.by, r.decision, r.at, r.message ?? null])).toEqual([
      [{ name: 'tech_lead', email: 'tech_lead' }, 'approve', '2025-03-10T10:00:00Z', null],
      [{ name: 'designer', email: 'designer' }, 'approve', '2025-03-10T11:00:00Z', 'ship it'],
    ]);
    const spec = task(state('phased'), 't-approved').workflow!.phases[1];
    expect([spec.startedAt, spec.submittedAt]).toEqual(['2025-03-11T09:00:00Z', '2025-03-12T09:00:00Z']);
    const byOne = task(state('phased'), 't-by').workflow!.phases;
    expect(byOne[0].reviews.map((r) => [r.by, r.at])).toEqual([[{ name: 'Ana', email: 'ana@example.com' }, '2025-04-01T00:00:00Z']]);
    expect(byOne[1].reviews.map((r) => [r.by, r.decision, r.message])).toEqual([[IMPORTER, 'reject', 'rejected in the earlier system, which recorded no reviewer']]);
  });

  it('derives progress from the imported phases', () => {
    // t-approved: 10×100 + 30×90 = 37; t-by: 10 (rejected counts 0); t-mixed: 10+30+20×60/100+40×30/100 = 64; t-bad: phases kept
    // verbatim, read by progress: 10×60/100 + 30×60/100 = 24; t-off: 0 → (37 + 10 + 64 + 24 + 0) / 5 = 27
    expect(task(state('phased'), 't-mixed').workflow!.phases.map((p) => p.weight)).toEqual([10, 30, 20, 40]);
    expect(milestoneProgress(state('phased'))).toBe(27);
  });
});

describe('operations → legacy files', () => {
  it('writes every phase back as it was read', () => {
    const taken = new Set<string>();
    for (const [legacyId, p] of built) {
      for (const f of toLegacyFiles(p.state, legacyId, (id) => id, taken)) {
        expect(f.value, f.file).toEqual(YAML.parse(fs.readFileSync(path.join(dir, f.file), 'utf8')));
      }
    }
  });

  it('writes phases changed since the import in the legacy spelling, with who approved', () => {
    const s0 = state('phased');
    const t = task(s0, 't-approved');
    const spec = t.workflow!.phases[1];
    const at = (i: number, o: object) => encodeOp({ ...o, author: { name: 'Bob', email: 'bob@example.com' }, time: `2025-05-0${i}T00:00:00Z`, lamport: s0.clock + i } as Operation);
    const approved = applyOps(s0, [at(1, reviewAddOp({ task: t.id, phase: 'spec', round: spec.round!, decision: 'approve', deliverables: [] }))]);
    const doc = tasksOf(approved, 'phased')[0].kiro_workflow;
    expect(doc.phases.spec).toMatchObject({ status: 'approved', approved_at: '2025-05-01T00:00:00Z', approved_by: 'Bob <bob@example.com>' });
    expect(doc.current_phase).toBe('task');
    const tTask = task(s0, 't-mixed');
    const resubmit = applyOps(s0, [at(1, phaseSetOp({ task: tTask.id, phase: 'task', status: 'waiting_approval' }))]);
    expect(tasksOf(s0, 'phased')[2].kiro_workflow.phases.task.status).toBe('changes_requested');
    expect(tasksOf(resubmit, 'phased')[2].kiro_workflow.phases.task.status).toBe('waiting_approval');
  });
});
