/**
 * Workflow settings and policies on one real repository, in process with an injected clock, with
 * a real HTTP server on 127.0.0.1 for webhooks: `task add` follows the milestone's workflow field
 * (`new`/`edit --workflow`), else `workflow.default`, else legacy `kiro_workflow.enabled`; per-task
 * gates; a workflow file's own phase timeout beside the setting (task show, list overdue:true,
 * doctor); `phase.overdue` sent once per phase deadline; auto-approval recorded by a write that is
 * no phase command; `reapprove_on_change` sending an edited approved phase back for review.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/inProcess';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const T0 = Date.parse('2026-05-01T00:00:00.000Z');
const hours = (h: number) => new Date(T0 + h * 3_600_000);
const QUICK = `description: two steps
phases:
  - name: draft
    weight: 40
    timeout: 1d
    gate: { needs_approval: true }
  - name: build
    weight: 60
`;

let repo: TmpRepo;
let server: http.Server;
const seen: Array<{ event: string; body: any }> = [];

async function gm(args: string[], h = 0, vars: Record<string, string> = {}, code = 0) {
  const r = await runInProcess(repo.dir, args, { GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', ...vars }, hours(h));
  expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(code);
  return r;
}
const json = async (args: string[], h = 0, vars: Record<string, string> = {}) =>
  JSON.parse((await gm([...args, '--json'], h, vars)).stdout);
const phasesOf = async (task: string, h = 0) => (await json(['task', 'show', task], h)).phases as any[];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ event: String(req.headers['x-milestone-event']), body: JSON.parse(body) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  repo = makeTmpRepo();
  fs.mkdirSync(path.join(repo.dir, '.milestones/config'), { recursive: true });
  fs.mkdirSync(path.join(repo.dir, '.milestones/workflows'), { recursive: true });
  fs.writeFileSync(path.join(repo.dir, '.milestones/workflows/quick.yaml'), QUICK);
  fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), `kiro_workflow:
  enabled: true
  phase_timeout: 3d
approval_workflow:
  auto_approve_after: 48h
  reapprove_on_change: true
notifications:
  webhooks:
    - url: ${url}
      events: [phase.overdue]
`);
  await gm(['init']);
  await gm(['trust']);
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  repo?.cleanup();
});

describe('which workflow a new task follows', () => {
  let plan: string;
  it('the settings default (workflow.default, else kiro_workflow.enabled), the milestone\'s field, none', async () => {
    plan = (await json(['new', 'Plan'])).id;
    expect((await json(['task', 'add', plan, 'Legacy default'])).workflow).toBe('kiro');
    const quick = await json(['task', 'add', plan, 'Default'], 0, { MILESTONE_WORKFLOW__DEFAULT: 'quick' });
    expect(quick.phases.map((p: any) => [p.name, p.needsApproval])).toEqual([['draft', true], ['build', false]]);
    expect((await json(['task', 'add', plan, 'None', '--workflow', 'none'])).workflow).toBeNull();
  });

  it('edit --workflow sets the milestone\'s field (its own operation); none clears it; unknown is exit 3', async () => {
    expect(await json(['edit', plan, '--workflow', 'quick'])).toMatchObject({ workflow: 'quick', changed: true });
    expect(await json(['edit', plan, '--workflow', 'quick'])).toMatchObject({ changed: false });
    expect((await json(['log', plan])).map((e: any) => e.type)).toContain('milestone.workflow');
    expect((await json(['task', 'add', plan, 'Follows the milestone'])).workflow).toBe('quick');
    expect((await json(['show', plan])).workflow).toBe('quick');
    await gm(['edit', plan, '--workflow', 'none']);
    expect((await json(['task', 'add', plan, 'Back to settings'])).workflow).toBe('kiro');
    expect((await gm(['edit', plan, '--workflow', 'nope'], 0, {}, 3)).stderr).toMatch(/unknown workflow "nope"/);
  });

  it('--gate overrides one task\'s gates, on task add or when phase start attaches the workflow', async () => {
    const gated = await json(['task', 'add', plan, 'Typo fix', '--gate', 'design=no', '--gate', 'task=yes']);
    expect(gated.phases.map((p: any) => p.needsApproval)).toEqual([false, true, true, false]);
    const bare = (await json(['task', 'add', plan, 'Bare', '--workflow', 'none'])).id;
    const started = await json(['phase', 'start', bare, '--workflow', 'quick', '--gate', 'draft=no']);
    expect(started.phases.map((p: any) => [p.name, p.needsApproval])).toEqual([['draft', false], ['build', false]]);
    expect((await gm(['phase', 'start', bare, '--gate', 'draft=yes'], 0, {}, 2)).stderr).toMatch(/already follows quick/);
    expect((await json(['phase', 'submit', bare])).phases[0].status).toBe('completed'); // no gate: submit completes
  });
});

describe('timeouts: a workflow file\'s own beside kiro_workflow.phase_timeout; phase.overdue once', () => {
  it('task show, list overdue:true and doctor use each phase\'s timeout; the webhook hears once per deadline', async () => {
    const fast = (await json(['new', 'Fast', '--workflow', 'quick'])).id;
    const slow = (await json(['new', 'Slow', '--workflow', 'kiro'])).id;
    const q = (await json(['task', 'add', fast, 'Draft it'])).id;
    const k = (await json(['task', 'add', slow, 'Design it'])).id;
    await gm(['phase', 'start', q], 0);
    await gm(['phase', 'start', k], 0);
    expect((await phasesOf(q, 23))[0].overdue).toBe(false);
    const listed = async (h: number) => (await json(['list', 'overdue:true'], h)).map((m: any) => m.title).sort();
    expect(await listed(23)).toEqual([]);
    expect(seen).toEqual([]);
    expect((await phasesOf(q, 25))[0].overdue).toBe(true);
    expect((await phasesOf(k, 25))[0].overdue).toBe(false);
    expect(await listed(25)).toEqual(['Fast']);
    expect(seen.map((s) => [s.event, s.body.phase, s.body.task.id])).toEqual([['phase.overdue', 'draft', q]]);
    expect(seen[0].body.data).toMatchObject({ status: 'in_progress', deadline: expect.stringMatching(/^2026-05-02T00:00:/) });
    await phasesOf(q, 26);
    const doctor = async (h: number) => JSON.parse((await runInProcess(repo.dir, ['doctor', '--json'], {}, hours(h))).stdout)
      .problems.filter((p: any) => p.check === 'workflow').map((p: any) => p.message);
    expect(await doctor(26)).toEqual([expect.stringMatching(/^phase draft of task [0-9a-f]{8} "Draft it" is in_progress/)]);
    expect(seen).toHaveLength(1);
    expect(await listed(73)).toEqual(['Fast', 'Slow']);
    expect(await doctor(73)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^phase draft of task/), expect.stringMatching(/^phase design of task/)]));
    expect(seen.map((s) => s.body.phase).sort()).toEqual(['design', 'draft']);
    expect(fs.readdirSync(path.join(repo.dir, '.git/milestones/notified/phase.overdue'))).toHaveLength(2);
  });
});

describe('policies recorded by every write', () => {
  it('auto-approval is recorded by edit; an edited approved deliverable goes back to waiting_approval', async () => {
    const m = (await json(['new', 'Review me', '--workflow', 'kiro'])).id;
    const t = (await json(['task', 'add', m, 'Spec the cache'])).id;
    await gm(['phase', 'start', t], 100);
    const doc = path.join(repo.dir, 'docs/milestones/review-me/spec-the-cache/design.md');
    fs.appendFileSync(doc, 'LRU, 100 MB.\n');
    await gm(['phase', 'submit', t], 100);
    expect((await phasesOf(t, 149))[0]).toMatchObject({ status: 'approved', autoApproved: true, reviews: [] });
    await gm(['edit', m, '--title', 'Review me now'], 149);
    const design = (await phasesOf(t, 149))[0];
    expect(design).toMatchObject({ status: 'approved', autoApproved: false });
    expect(design.reviews).toEqual([expect.objectContaining({ decision: 'approve', policy: true, stale: false })]);

    fs.appendFileSync(doc, 'Eviction: LFU after all.\n');
    expect((await phasesOf(t, 150))[0]).toMatchObject({ status: 'waiting_approval', reapprovalDue: true });
    expect(await json(['review', '--pending'], 150)).toEqual([]);
    await gm(['edit', m, '--label', 'cache'], 150);
    const blob = repo.git(['hash-object', doc]).trim();
    const back = (await phasesOf(t, 150))[0];
    expect(back).toMatchObject({ status: 'waiting_approval', reapprovalDue: false, deliverables: [{ blob }] });
    expect((await json(['review', '--pending'], 150)).map((e: any) => [e.task, e.phase])).toEqual([[t, 'design']]);
    const types = (await json(['log', m])).map((e: any) => e.type);
    expect(types.filter((x: string) => x === 'phase.set')).toHaveLength(4); // start, submit, reopen, submit
    const approved = await json(['review', t, '--approve'], 151);
    expect(approved.phases[0]).toMatchObject({ status: 'approved' });
  });
});
