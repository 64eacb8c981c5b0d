/**
 * The workflow's policies and settings in the domain: what every write prepends (auto-approval by
 * policy, a changed approved deliverable sent back for review), how the view shows them before,
 * gate precedence (task over milestone over workflow), `--gate` words, the milestone.workflow
 * operation (a register; format level 3, refused by a 0.2.0 reader as too new, never as corrupt),
 * and the overdue query with per-phase timeouts.
 */
import { describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/domain/fold';
import { createRegistry, HANDLERS } from '../../../src/domain/ops/registry';
import { workflowOf } from '../../../src/domain/ops/milestoneWorkflow';
import { filterSummaries } from '../../../src/domain/query';
import { summarize } from '../../../src/domain/summary';
import { taskView } from '../../../src/domain/views';
import { KIRO_WORKFLOW } from '../../../src/domain/workflow/builtin';
import { checkGates, outlineFor, parseGates } from '../../../src/domain/workflow/outline';
import { policyDrafts } from '../../../src/domain/workflow/policy';
import { ALICE, BOB, caught, Log, makeOp, stored } from '../domain/build';

const KIRO = { name: 'kiro', phases: KIRO_WORKFLOW.phases.map(({ name, weight, needsApproval }) => ({ name, weight, needsApproval })) };
const DOC = { path: 'docs/design.md', blob: 'a'.repeat(40) };
const EDITED = new Map([[DOC.path, 'b'.repeat(40)]]);
const SAME = new Map([[DOC.path, DOC.blob]]);

function approvedDesign(): { log: Log; task: string } {
  const log = new Log();
  log.create();
  const task = log.task('Parser');
  log.write('task.workflow', { task, workflow: KIRO });
  log.write('phase.set', { task, phase: 'design', status: 'in_progress' });
  const round = log.write('phase.set', { task, phase: 'design', status: 'waiting_approval', deliverables: [DOC] });
  log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: [DOC] }, BOB);
  return { log, task };
}

/** Writes drafts as the engine would: each validated on the state after the previous ones. */
function writeAll(log: Log, drafts: Array<Record<string, unknown>>): void {
  for (const { type, ...payload } of drafts) log.write(type as string, payload);
}

describe('policies every write records', () => {
  const input = (current?: ReadonlyMap<string, string>) => ({
    now: new Date('2030-01-01T00:00:00Z'), autoApproveMs: null, current, approvers: () => [],
  });

  it('reapprove_on_change: an approved phase whose deliverable changed goes back to waiting, bound to the new blob', () => {
    const { log, task } = approvedDesign();
    expect(policyDrafts(log.s, input(SAME))).toEqual([]);
    expect(policyDrafts(log.s, input(undefined))).toEqual([]);
    expect(policyDrafts(log.s, input(new Map()))).toEqual([]); // the file is gone: left to the user
    const drafts = policyDrafts(log.s, input(EDITED));
    expect(drafts.map((d) => [d.type, (d as { status?: string }).status])).toEqual([
      ['phase.set', 'in_progress'], ['phase.set', 'waiting_approval']]);
    writeAll(log, drafts as unknown as Array<Record<string, unknown>>);
    const design = log.s.tasks[0].workflow!.phases[0];
    expect(design).toMatchObject({ status: 'waiting_approval', deliverables: [{ path: DOC.path, blob: 'b'.repeat(40) }] });
    expect(design.reviews).toHaveLength(1); // the old approval stays in history, in the old round
    expect(taskView(log.s.tasks[0], log.s).phases[0].status).toBe('waiting_approval');
    expect(policyDrafts(log.s, input(EDITED))).toEqual([]);
    expect(task).toBe(log.s.tasks[0].id);
  });

  it('the view shows the phase waiting once its deliverable changed, only with the setting on', () => {
    const { log } = approvedDesign();
    const t = log.s.tasks[0];
    expect(taskView(t, log.s, { current: EDITED }).phases[0]).toMatchObject({ status: 'approved', reapprovalDue: false });
    expect(taskView(t, log.s, { current: EDITED, reapproveOnChange: true }).phases[0])
      .toMatchObject({ status: 'waiting_approval', reapprovalDue: true, reviews: [expect.objectContaining({ stale: true })] });
    expect(taskView(t, log.s, { current: SAME, reapproveOnChange: true }).phases[0].status).toBe('approved');
  });

  it('auto_approve_after: a review by the policy once the wait is over', () => {
    const log = new Log();
    log.create();
    const task = log.task('T');
    log.write('task.workflow', { task, workflow: KIRO });
    log.write('phase.set', { task, phase: 'design', status: 'in_progress' });
    log.write('phase.set', { task, phase: 'design', status: 'waiting_approval', deliverables: [DOC] });
    const submitted = Date.parse(log.s.tasks[0].workflow!.phases[0].submittedAt!);
    const at = (h: number) => ({ ...input(), now: new Date(submitted + h * 3_600_000), autoApproveMs: 48 * 3_600_000 });
    expect(policyDrafts(log.s, at(47))).toEqual([]);
    const [review] = policyDrafts(log.s, at(48));
    expect(review).toMatchObject({ type: 'review.add', decision: 'approve', policy: true, phase: 'design' });
  });
});

describe('gates and the milestone workflow', () => {
  it('a task\'s gate wins over the milestone\'s, which wins over the workflow\'s default', () => {
    const log = new Log();
    log.create('M', { extra: { gates: { design: false, task: true } } });
    const needs = (o: ReturnType<typeof outlineFor>) => o.phases.map((p) => p.needsApproval);
    expect(needs(outlineFor(KIRO_WORKFLOW, log.s))).toEqual([false, true, true, false]);
    expect(needs(outlineFor(KIRO_WORKFLOW, log.s, undefined, { design: true, spec: false }))).toEqual([true, false, true, false]);
    const legacy = { extra: { kiro_workflow: { phases: { task: { approval_required: false } } } } };
    expect(needs(outlineFor(KIRO_WORKFLOW, log.s, legacy))).toEqual([false, true, false, false]);
    expect(parseGates(['design=no', 'spec=YES', 'task=off'])).toEqual({ design: false, spec: true, task: false });
    expect(caught(() => parseGates(['design'])).code).toBe('USAGE');
    expect(caught(() => parseGates(['design=maybe'])).code).toBe('USAGE');
    expect(caught(() => checkGates(KIRO_WORKFLOW, { review: true }))).toMatchObject({ code: 'NOT_FOUND', exitCode: 3 });
  });

  it('milestone.workflow sets the field (null clears it); a 0.2.0 milestone\'s extra.workflow still reads', () => {
    const log = new Log();
    log.create('M', { extra: { workflow: 'kiro' } });
    expect(workflowOf(log.s)).toBe('kiro');
    log.write('milestone.workflow', { workflow: 'quick' });
    expect([log.s.workflow, workflowOf(log.s)]).toEqual(['quick', 'quick']);
    log.write('milestone.workflow', { workflow: null });
    expect(workflowOf(log.s)).toBeNull();
    expect(caught(() => log.write('milestone.workflow', { workflow: 'Not A Name' })).code).toBe('INVALID_INPUT');
    expect(caught(() => log.write('milestone.workflow', { workflow: 3 })).code).toBe('INVALID_OPERATION');
  });

  it('concurrent milestone.workflow writes from two clones keep both as a conflict, in any order', () => {
    const log = new Log();
    log.create();
    const a = stored(makeOp('milestone.workflow', { workflow: 'kiro', prev: {} }, 2, ALICE));
    const b = stored(makeOp('milestone.workflow', { workflow: 'quick', prev: {} }, 2, BOB));
    const one = applyOps(log.s, [a, b]);
    const two = applyOps(log.s, [b, a]);
    expect(one).toEqual(two);
    expect(one.heads?.milestone?.workflow).toHaveLength(2);
  });

  it('is format level 3: a 0.2.0 reader refuses it as too new, naming the release', () => {
    const older = createRegistry(HANDLERS.filter((h) => h.level <= 2), { 1: '0.1.0', 2: '0.2.0' }, '0.2.0');
    const op = makeOp('milestone.workflow', { workflow: 'kiro' }, 2);
    expect(caught(() => older.get(op.type))).toMatchObject({ code: 'FORMAT_TOO_NEW', exitCode: 13 });
    expect(HANDLERS.find((h) => h.type === 'milestone.workflow')!.level).toBe(3);
  });
});

describe('overdue with per-phase timeouts (index-answered)', () => {
  it('a phase with its own cutoff uses it; others use the default one', () => {
    const log = new Log();
    log.create();
    const task = log.task('T');
    log.write('task.workflow', { task, workflow: KIRO });
    log.write('phase.set', { task, phase: 'design', status: 'in_progress' });
    const s = summarize(log.s);
    const started = s.openPhases['kiro/design'];
    expect(s.openPhases).toEqual({ 'kiro/design': started });
    const before = new Date(Date.parse(started) - 1000).toISOString();
    const after = new Date(Date.parse(started) + 1000).toISOString();
    const match = (q: string) => filterSummaries([s], { query: [q] }).length;
    expect(match(`overdue:since:${after}`)).toBe(1);
    expect(match(`overdue:since:${before}`)).toBe(0);
    expect(match(`overdue:since:${before},kiro/design=since:${after}`)).toBe(1);
    expect(match(`overdue:since:${after},kiro/design=never`)).toBe(0);
    expect(match(`overdue:never,kiro/design=since:${after}`)).toBe(1);
    expect(match(`-overdue:since:${after},kiro/design=never`)).toBe(1);
  });
});
