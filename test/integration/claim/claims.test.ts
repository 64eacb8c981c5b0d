/**
 * Claims across machines: two clones of one bare remote claim on the remote (one atomic push
 * each) while racing, and never both hold one task; a lapsed lease is taken over from the other
 * clone, and the old holder's late result is refused by the fencing number; sync carries claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../../helpers/cli';
import { makeCluster, type Clone, type Cluster } from '../sync/cluster';

let cluster: Cluster;
let ann: Clone;
let bob: Clone;
let tasks: string[];

beforeAll(() => {
  cluster = makeCluster(['Ann', 'Bob']);
  [ann, bob] = cluster.clones;
  const m = ann.json<{ id: string }>(['new', 'Release']).id;
  tasks = Array.from({ length: 8 }, (_, i) => ann.json<{ id: string }>(['task', 'add', m.slice(0, 8), `task ${i}`]).id);
  ann.ok(['sync']);
  bob.ok(['pull']);
}, 120_000);
afterAll(() => cluster.cleanup());

/** An agent taking tasks until none is left: the tasks it got. */
async function agent(c: Clone, name: string): Promise<string[]> {
  const got: string[] = [];
  for (;;) {
    const r = await cliAsync(c.dir, ['next', '--claim', '--remote', 'origin', '--as', name, '--json']);
    if (r.code !== 0) throw new Error(`${name}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    const claim = r.json<{ task: string } | null>();
    if (claim === null) return got;
    got.push(claim.task);
  }
}

/**
 * Whichever racing agent holds the task releases it: the agents before it are refused (not
 * theirs), those after it find it released already, which does nothing.
 */
function releaseAll(task: string): void {
  const codes = [[ann, 'ann-1'], [ann, 'ann-2'], [bob, 'bob-1'], [bob, 'bob-2']].map(([c, name]) =>
    (c as Clone).gm(['release', task.slice(0, 10), '--as', name as string, '--remote', 'origin']).code);
  const first = codes.indexOf(0);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(codes.slice(0, first).every((x) => x === 14) && codes.slice(first).every((x) => x === 0)).toBe(true);
}

describe('claims on a shared remote', () => {
  it('racing agents of two clones never both hold a task, and every task is taken once', async () => {
    const runs = await Promise.all([agent(ann, 'ann-1'), agent(ann, 'ann-2'), agent(bob, 'bob-1'), agent(bob, 'bob-2')]);
    const all = runs.flat();
    expect(all.sort()).toEqual([...tasks].sort());
    const onRemote = ann.git(['ls-remote', 'origin', 'refs/milestones/claim/*']).trim().split('\n');
    expect(onRemote).toHaveLength(tasks.length);
    const held = bob.json<Array<{ task: string; agent: string; fencing: number }>>(['heartbeat', '--as', 'bob-1', '--remote', 'origin']);
    expect(held.map((c) => c.task).sort()).toEqual(runs[2].sort());
  }, 120_000);

  it('two clones claiming one task at once: one wins, the other is told who holds it', async () => {
    const t = tasks[0];
    releaseAll(t);
    const [a, b] = await Promise.all([
      cliAsync(ann.dir, ['claim', t, '--remote', 'origin', '--as', 'ann-x', '--json']),
      cliAsync(bob.dir, ['claim', t, '--remote', 'origin', '--as', 'bob-x', '--json']),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 14]);
    const loser = a.code === 14 ? a : b;
    const winner = a.code === 0 ? a.json() : b.json();
    expect(loser.json().error).toMatchObject({ code: 'CLAIMED', data: { agent: winner.agent, expires: winner.expires } });
    expect(loser.json().error.message).toContain(`claimed by ${winner.agent}`);
  }, 60_000);

  it('a lapsed lease is taken over from the other clone; the old holder\'s late result is refused', async () => {
    const t = tasks[7];
    releaseAll(t);
    const old = ann.json<{ fencing: number; expires: string }>(['claim', t, '--ttl', '5s', '--remote', 'origin', '--as', 'ann-old']);
    expect(bob.gm(['claim', t, '--remote', 'origin', '--as', 'bob-new']).code).toBe(14);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(old.expires) - Date.now() + 100)));
    const taken = bob.json<{ fencing: number; agent: string }>(['claim', t, '--remote', 'origin', '--as', 'bob-new']);
    expect(taken).toMatchObject({ agent: 'bob-new', fencing: old.fencing + 1 });
    ann.ok(['config', 'set', 'coordination.claims_remote', 'origin', '--git']);
    const late = ann.gm(['task', 'done', t, '--fencing', String(old.fencing), '--json']);
    expect(late.code).toBe(14);
    expect(late.json().error).toMatchObject({ code: 'STALE_FENCING', data: { presented: old.fencing, current: taken.fencing, agent: 'bob-new' } });
    expect(ann.json<{ status: string }>(['task', 'show', t]).status).toBe('pending');
    expect(ann.gm(['heartbeat', t, '--as', 'ann-old']).code).toBe(14);
    bob.ok(['config', 'set', 'coordination.claims_remote', 'origin', '--git']);
    expect(bob.json<{ status: string }>(['task', 'done', t, '--fencing', String(taken.fencing)]).status).toBe('completed');
    bob.ok(['sync']);
    ann.ok(['sync']);
    expect(ann.json<{ status: string }>(['task', 'show', t]).status).toBe('completed');
  }, 120_000);
});
