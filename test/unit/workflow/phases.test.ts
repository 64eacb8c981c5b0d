/**
 * The phased workflow in the domain: the state machine, gates derived from the round's reviews
 * (order-independent, so concurrent reviews converge), the exact progress formula over a table of
 * phase states, staleness, auto-approval and overdue, and the pending-review summary.
 */
import { describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/domain/fold';
import { milestoneProgress, taskProgress } from '../../../src/domain/progress';
import { summarize } from '../../../src/domain/summary';
import type { Author, MilestoneState, StoredOperation, TaskState } from '../../../src/domain/types';
import { taskView } from '../../../src/domain/views';
import type { PhaseStatus } from '../../../src/domain/workflow/phaseState';
import { parseDuration } from '../../../src/domain/workflow/staleness';
import { KIRO_WORKFLOW } from '../../../src/domain/workflow/builtin';
import { outlineFor } from '../../../src/domain/workflow/outline';
import { ALICE, BOB, caught, Log, makeOp, stored } from '../domain/build';

const CAROL: Author = { name: 'Carol', email: 'carol@example.com' };
const KIRO = { name: 'kiro', phases: [
  { name: 'design', weight: 15, needsApproval: true }, { name: 'spec', weight: 25, needsApproval: true },
  { name: 'task', weight: 20, needsApproval: false }, { name: 'execute', weight: 40, needsApproval: false },
] };
const ROLES = [{ role: 'lead', emails: ['alice@example.com'] }, { role: 'arch', emails: ['bob@example.com'] }];
const DOC = [{ path: 'docs/design.md', blob: 'a'.repeat(40) }];

function phased(): { log: Log; task: string } {
  const log = new Log();
  log.create();
  const task = log.task('Parser');
  log.write('task.workflow', { task, workflow: KIRO });
  return { log, task };
}
const phase = (s: MilestoneState, task: string, name: string) => s.tasks.find((t) => t.id === task)!.workflow!.phases.find((p) => p.name === name)!;

function submitDesign(log: Log, task: string): string {
  log.write('phase.set', { task, phase: 'design', status: 'in_progress' });
  return log.write('phase.set', { task, phase: 'design', status: 'waiting_approval', deliverables: DOC, approvers: ROLES });
}

describe('phase state machine', () => {
  it('a phase starts only when the previous is done (approved where it needs approval)', () => {
    const { log, task } = phased();
    expect(caught(() => log.write('phase.set', { task, phase: 'spec', status: 'in_progress' })).message).toMatch(/design is pending, and must be approved/);
    submitDesign(log, task);
    expect(caught(() => log.write('phase.set', { task, phase: 'spec', status: 'in_progress' })).message).toMatch(/waiting_approval/);
    expect(caught(() => log.write('phase.set', { task, phase: 'design', status: 'completed' })).message).toMatch(/needs it in_progress/);
    expect(caught(() => log.write('phase.set', { task, phase: 'nope', status: 'in_progress' })).message).toMatch(/unknown phase "nope"/);
  });

  it('a workflow whose weights do not sum to 100 is refused', () => {
    const log = new Log();
    log.create();
    const task = log.task('T');
    const bad = { name: 'w', phases: [{ name: 'a', weight: 50, needsApproval: false }, { name: 'b', weight: 40, needsApproval: false }] };
    expect(caught(() => log.write('task.workflow', { task, workflow: bad })).message).toMatch(/sum to 90, not 100/);
  });
});

describe('gates', () => {
  it('every listed role must approve; a non-role approval does not count', () => {
    const { log, task } = phased();
    const round = submitDesign(log, task);
    log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, ALICE);
    expect(phase(log.s, task, 'design').status).toBe('waiting_approval');
    log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, CAROL);
    expect(phase(log.s, task, 'design').status).toBe('waiting_approval');
    log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, BOB);
    expect(phase(log.s, task, 'design').status).toBe('approved');
    expect(caught(() => log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, BOB)).message).toMatch(/approved, not waiting/);
  });

  it('request-changes sends the phase back to in_progress; a new submission is a new round', () => {
    const { log, task } = phased();
    const round = submitDesign(log, task);
    log.write('review.add', { task, phase: 'design', round, decision: 'request_changes', deliverables: DOC }, ALICE);
    expect(phase(log.s, task, 'design').status).toBe('in_progress');
    const round2 = log.write('phase.set', { task, phase: 'design', status: 'waiting_approval', deliverables: DOC, approvers: ROLES });
    expect(phase(log.s, task, 'design').status).toBe('waiting_approval');
    expect(caught(() => log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, ALICE)).message).toMatch(/submitted again/);
    log.write('review.add', { task, phase: 'design', round: round2, decision: 'approve', deliverables: DOC }, ALICE);
    log.write('review.add', { task, phase: 'design', round: round2, decision: 'approve', deliverables: DOC }, BOB);
    expect(phase(log.s, task, 'design').status).toBe('approved');
  });

  it('concurrent reviews fold to the same status in either order: two approvals count, a rejection wins', () => {
    const { log, task } = phased();
    const round = submitDesign(log, task);
    const base = log.s;
    const clock = base.clock + 1;
    const review = (by: Author, decision: string): StoredOperation =>
      stored(makeOp('review.add', { task, phase: 'design', round, decision, deliverables: DOC }, clock, by));
    const a = review(ALICE, 'approve');
    const b = review(BOB, 'approve');
    for (const order of [[a, b], [b, a]]) expect(phase(applyOps(base, order), task, 'design').status).toBe('approved');
    const r = review(BOB, 'reject');
    for (const order of [[a, r], [r, a]]) expect(phase(applyOps(base, order), task, 'design').status).toBe('rejected');
    expect(JSON.stringify(applyOps(base, [a, r]))).toBe(JSON.stringify(applyOps(base, [r, a])));
  });
});

describe('progress, exactly', () => {
  const table: Array<[PhaseStatus[], number]> = [
    [['pending', 'pending', 'pending', 'pending'], 0],
    [['in_progress', 'pending', 'pending', 'pending'], 9],
    [['waiting_approval', 'pending', 'pending', 'pending'], 13.5],
    [['approved', 'in_progress', 'pending', 'pending'], 30],
    [['approved', 'approved', 'blocked', 'pending'], 46],
    [['approved', 'rejected', 'pending', 'pending'], 15],
    [['approved', 'approved', 'completed', 'in_progress'], 84],
    [['completed', 'approved', 'completed', 'completed'], 100],
    [['approved', 'changes_requested', 'pending', 'pending'], 15],
  ];
  it.each(table)('phases %j give %d', (statuses, expected) => {
    const { log, task } = phased();
    const t = log.s.tasks.find((x) => x.id === task)!;
    const w = { ...t.workflow!, phases: t.workflow!.phases.map((p, i) => ({ ...p, status: statuses[i] })) };
    expect(taskProgress({ ...t, workflow: w })).toBeCloseTo(expected, 10);
  });

  it('a task outside any workflow: 100 completed, 50 in_progress, 0 otherwise; a milestone is the mean', () => {
    const { log, task } = phased();
    const plain = log.task('Plain');
    log.write('task.status', { task: plain, status: 'in_progress' });
    log.write('phase.set', { task, phase: 'design', status: 'in_progress' });
    const t = (id: string) => log.s.tasks.find((x) => x.id === id) as TaskState;
    expect(taskProgress(t(plain))).toBe(50);
    expect(taskProgress(t(task))).toBe(9);
    expect(milestoneProgress(log.s)).toBe(Math.round((50 + 9) / 2));
    expect(summarize(log.s).progress).toBe(30);
    expect(taskView(t(task), log.s).progress).toBe(9);
  });
});

describe('views and summary', () => {
  it('a review is stale once a deliverable it saw changes; auto-approval and overdue follow the clock', () => {
    const { log, task } = phased();
    const round = submitDesign(log, task);
    log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, ALICE);
    const t = log.s.tasks.find((x) => x.id === task)!;
    const same = new Map([[DOC[0].path, DOC[0].blob]]);
    expect(taskView(t, log.s, { current: same }).phases[0].reviews[0]).toMatchObject({ by: 'Alice <alice@example.com>', stale: false });
    expect(taskView(t, log.s, { current: new Map([[DOC[0].path, 'b'.repeat(40)]]) }).phases[0].reviews[0].stale).toBe(true);
    const submitted = Date.parse(phase(log.s, task, 'design').submittedAt!);
    const at = (h: number) => new Date(submitted + h * 3_600_000);
    expect(taskView(t, log.s, { now: at(47), autoApproveMs: parseDuration('48h') }).phases[0]).toMatchObject({ status: 'waiting_approval', autoApproved: false });
    expect(taskView(t, log.s, { now: at(48), autoApproveMs: parseDuration('48h') }).phases[0]).toMatchObject({ status: 'approved', autoApproved: true });
    const started = Date.parse(phase(log.s, task, 'design').startedAt!);
    const since = (h: number) => new Date(started + h * 3_600_000);
    expect(taskView(t, log.s, { now: since(71.9), timeoutOf: () => parseDuration('3d') }).phases[0].overdue).toBe(false);
    expect(taskView(t, log.s, { now: since(72), timeoutOf: () => parseDuration('3d') }).phases[0].overdue).toBe(true);
  });

  it('the summary lists pending reviews with who may still approve, and the oldest open phase', () => {
    const { log, task } = phased();
    const round = submitDesign(log, task);
    expect(summarize(log.s).pendingReviews).toEqual([expect.objectContaining({ task, phase: 'design', reviewers: ['alice@example.com', 'bob@example.com'] })]);
    log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, ALICE);
    expect(summarize(log.s).pendingReviews[0].reviewers).toEqual(['bob@example.com']);
    expect(summarize(log.s).openPhaseSince).toBe(phase(log.s, task, 'design').startedAt);
    log.write('review.add', { task, phase: 'design', round, decision: 'approve', deliverables: DOC }, BOB);
    expect(summarize(log.s).pendingReviews).toEqual([]);
    expect(summarize(log.s).phases).toEqual(['spec']);
  });
});

describe('gates by precedence', () => {
  it('the milestone\'s gate (legacy approval_gates or gates.<phase>) overrides the workflow default', () => {
    const log = new Log();
    log.create('M', { extra: { kiro_configuration: { approval_gates: { design_to_spec: { required: false }, task_to_execute: { required: true } } } } });
    expect(outlineFor(KIRO_WORKFLOW, log.s).phases.map((p) => p.needsApproval)).toEqual([false, true, true, false]);
    const other = new Log();
    other.create('N', { extra: { gates: { spec: false, execute: true } } });
    expect(outlineFor(KIRO_WORKFLOW, other.s).phases.map((p) => p.needsApproval)).toEqual([true, false, false, true]);
  });
});

describe('durations', () => {
  it('parses 48h, 3d, 90m, a number of hours; null otherwise', () => {
    expect(parseDuration('48h')).toBe(48 * 3.6e6);
    expect(parseDuration('3d')).toBe(3 * 8.64e7);
    expect(parseDuration('90m')).toBe(90 * 6e4);
    expect(parseDuration(2)).toBe(2 * 3.6e6);
    expect(parseDuration('soon')).toBeNull();
  });
});
