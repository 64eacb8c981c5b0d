/**
 * Claims with leases on the memory doubles: who may claim, renew and release; a lapsed lease
 * taken over with a higher fencing number, and the old holder's late write refused by it;
 * `next --claim` taking the first free ready task; concurrent claimers never both winning.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../src/core/addTask';
import { claimNext } from '../../../src/core/claim/claimNext';
import { claimTask } from '../../../src/core/claim/claimTask';
import { heartbeatClaim } from '../../../src/core/claim/heartbeatClaim';
import { listClaims } from '../../../src/core/claim/listClaims';
import { releaseClaim } from '../../../src/core/claim/releaseClaim';
import { createMilestone } from '../../../src/core/createMilestone';
import { checkClaims, fixLapsedClaims } from '../../../src/core/doctor/checkClaims';
import { readMilestone } from '../../../src/core/milestoneAccess';
import { updateTask } from '../../../src/core/updateTask';
import type { MilestoneError } from '../../../src/errors/MilestoneError';
import { memoryContext, type MemoryContext } from '../../helpers/memoryContext';

let m: MemoryContext;
let milestone: string;
let first: string;
let second: string;
let now = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as MilestoneError).code;
  }
  return 'no error';
}

beforeEach(async () => {
  m = memoryContext();
  now = Date.parse('2025-01-01T00:00:00Z');
  m.env.clock = () => new Date(now);
  milestone = (await createMilestone(m.ctx, { title: 'Parser' })).id;
  first = (await addTask(m.ctx, { milestone, title: 'Lexer' })).id;
  second = (await addTask(m.ctx, { milestone, title: 'Parser', dependsOn: [first] })).id;
});
afterEach(() => m.cleanup());

describe('claim', () => {
  it('takes a ready task with fencing 1 and the lease from --ttl, refuses another holder naming it', async () => {
    const c = await claimTask(m.ctx, { task: first.slice(0, 6), agent: 'a1', ttlMs: 10 * MIN });
    expect(c).toEqual({ task: first, milestone, holder: 'Ada <ada@example.com>', agent: 'a1', expires: '2025-01-01T00:10:00.000Z', fencing: 1 });
    await expect(claimTask(m.ctx, { task: first, agent: 'a2' })).rejects.toMatchObject({
      code: 'CLAIMED', exitCode: 14, message: expect.stringContaining('a1 (Ada <ada@example.com>) until 2025-01-01T00:10:00.000Z'),
    });
    now += 5 * MIN; // the same holder claiming again renews, under the same fencing number
    expect(await claimTask(m.ctx, { task: first, agent: 'a1', ttlMs: 10 * MIN })).toMatchObject({ fencing: 1, expires: '2025-01-01T00:15:00.000Z' });
    expect(await listClaims(m.ctx)).toHaveLength(1);
  });

  it('refuses a task that waits for another or is done, and the default lease is 30 minutes', async () => {
    await expect(claimTask(m.ctx, { task: second, agent: 'a1' })).rejects.toMatchObject({ code: 'NOT_READY', message: expect.stringContaining('waits for') });
    await updateTask(m.ctx, { task: first, status: 'completed' });
    expect(await code(claimTask(m.ctx, { task: first, agent: 'a1' }))).toBe('NOT_READY');
    expect(await claimTask(m.ctx, { task: second, agent: 'a1' })).toMatchObject({ expires: '2025-01-01T00:30:00.000Z' });
  });

  it('lets a lapsed lease be taken over; the old holder then loses heartbeat and its late write', async () => {
    await claimTask(m.ctx, { task: first, agent: 'old', ttlMs: MIN });
    await expect(claimTask(m.ctx, { task: first, agent: 'new', ttlMs: MIN })).rejects.toMatchObject({ code: 'CLAIMED' });
    now += 2 * MIN;
    const taken = await claimTask(m.ctx, { task: first, agent: 'new', ttlMs: 10 * MIN });
    expect(taken).toMatchObject({ agent: 'new', fencing: 2 });
    await expect(heartbeatClaim(m.ctx, { task: first, agent: 'old' })).rejects.toMatchObject({ code: 'LEASE_LOST' });
    m.ctx.fencing = 1; // the old holder reports its result late
    await expect(updateTask(m.ctx, { task: first, status: 'completed' })).rejects.toMatchObject({
      code: 'STALE_FENCING', exitCode: 14, message: expect.stringContaining('fencing number 1 is stale'),
    });
    expect((await readMilestone(m.ctx, milestone)).tasks[0].status).toBe('pending');
    m.ctx.fencing = undefined;
    m.env.vars = { MILESTONE_FENCING: '2' }; // the new holder, through the environment
    expect(await updateTask(m.ctx, { task: first, status: 'completed' })).toMatchObject({ status: 'completed' });
  });

  it('renews only for the holder, releases only the holder\'s claim, and fencing keeps rising after a release', async () => {
    await claimTask(m.ctx, { task: first, agent: 'a1', ttlMs: MIN });
    now += 30_000;
    expect(await heartbeatClaim(m.ctx, { task: first, agent: 'a1', ttlMs: MIN })).toMatchObject({ expires: '2025-01-01T00:01:30.000Z', fencing: 1 });
    expect(await code(heartbeatClaim(m.ctx, { task: first, agent: 'a2' }))).toBe('LEASE_LOST');
    await expect(releaseClaim(m.ctx, { task: first, agent: 'a2' })).rejects.toMatchObject({ code: 'NOT_HOLDER', message: expect.stringContaining('claimed by a1') });
    await releaseClaim(m.ctx, { task: first, agent: 'a1' });
    expect(await listClaims(m.ctx)).toEqual([]);
    expect(await code(heartbeatClaim(m.ctx, { task: first, agent: 'a1' }))).toBe('LEASE_LOST');
    expect(await claimTask(m.ctx, { task: first, agent: 'a2' })).toMatchObject({ fencing: 2, agent: 'a2' });
  });

  it('next --claim takes the first free ready task, and null when none is', async () => {
    const third = (await addTask(m.ctx, { milestone, title: 'Docs' })).id;
    expect(await claimNext(m.ctx, { agent: 'a1' })).toMatchObject({ task: first, fencing: 1 });
    expect(await claimNext(m.ctx, { agent: 'a2' })).toMatchObject({ task: third });
    expect(await claimNext(m.ctx, { agent: 'a3' })).toBeNull();
  });

  it('of many concurrent claimers exactly one wins', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => claimTask(m.ctx, { task: first, agent: `a${i}` })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as MilestoneError).code).toBe('CLAIMED');
  });

  it('doctor reports a lapsed lease and --fix releases it; fencing keeps rising for the next holder', async () => {
    await claimTask(m.ctx, { task: first, agent: 'dead', ttlMs: MIN });
    expect(await checkClaims(m.ctx)).toEqual([]);
    now += 2 * MIN;
    const problems = await checkClaims(m.ctx);
    expect(problems).toEqual([expect.objectContaining({ check: 'claims', severity: 'warning', fixable: true, message: expect.stringContaining('held by dead') })]);
    await fixLapsedClaims(m.ctx, problems);
    expect(problems[0].fixed).toBe(true);
    expect(await listClaims(m.ctx)).toEqual([]);
    expect(await checkClaims(m.ctx)).toEqual([]);
    expect(await claimTask(m.ctx, { task: first, agent: 'next' })).toMatchObject({ fencing: 2 });
    m.ctx.fencing = 1; // the dead agent wakes up and reports: refused, the task is someone else's now
    expect(await code(updateTask(m.ctx, { task: first, status: 'completed' }))).toBe('STALE_FENCING');
  });
});
