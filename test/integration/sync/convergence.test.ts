/**
 * Property test through the CLI and a real bare remote: three clones make random operations and
 * sync (pull, push or sync) in a random order for a few rounds. After a final round of syncs,
 * all three hold byte-identical snapshots for every entity, and every task written anywhere is
 * present. The seed is fixed and the size modest: about 3 × 3 × 5 edits and 9 random syncs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { prng } from '../../unit/domain/build';
import { makeCluster, snapshots, type Clone, type Cluster } from './cluster';

let cluster: Cluster | undefined;
afterEach(() => cluster?.cleanup());

const ROUNDS = 3;
const OPS = 5;

function randomEdit(c: Clone, ids: string[], pick: <T>(xs: readonly T[]) => T, n: number, tasks: Set<string>): void {
  const id = pick(ids).slice(0, 8);
  const kind = pick(['title', 'status', 'label', 'unlabel', 'task', 'task', 'start', 'priority']);
  const args: Record<string, string[]> = {
    title: ['edit', id, '--title', `${c.name} title ${n}`],
    status: ['edit', id, '--status', pick(['planned', 'in_progress', 'blocked'])],
    label: ['edit', id, '--label', pick(['ui', 'api', 'docs'])],
    unlabel: ['edit', id, '--unlabel', pick(['ui', 'api', 'docs'])],
    task: ['task', 'add', id, `${c.name} task ${n}`],
    start: ['task', 'list', id],
    priority: ['edit', id, '--priority', pick(['high', 'low'])],
  };
  if (kind === 'start') {
    const live = c.json<Array<{ id: string }>>(['task', 'list', id]);
    if (live.length > 0) c.ok(['task', 'start', pick(live).id.slice(0, 12)]);
    return;
  }
  const r = c.gm(args[kind]);
  if (r.code !== 0 && !/nothing to change/.test(r.stderr)) throw new Error(`${args[kind].join(' ')}: ${r.stderr}`);
  if (kind === 'task') tasks.add(`${c.name} task ${n}`);
}

describe('three clones converge (seeded property test through the CLI)', () => {
  it('ends with byte-identical snapshots and every task', () => {
    const random = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    cluster = makeCluster(['Ann', 'Bob', 'Cy']);
    const clones = cluster.clones;
    const ids = [clones[0].json<{ id: string }>(['new', 'Alpha']).id, clones[1].json<{ id: string }>(['new', 'Beta']).id];
    clones[0].ok(['sync']);
    clones[1].ok(['sync']);
    for (const c of clones) c.ok(['pull']);
    const tasks = new Set<string>();
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of clones) for (let k = 0; k < OPS; k++) randomEdit(c, ids, pick, n++, tasks);
      for (const c of [...clones].sort(() => random() - 0.5)) c.ok([pick(['pull', 'push', 'sync'])]);
    }
    for (let pass = 0; pass < 2; pass++) for (const c of clones) c.ok(['sync']);
    const [a, b, c] = clones.map(snapshots);
    expect(a.size).toBe(2);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const seen = new Set(ids.flatMap((id) => clones[0].json<any>(['show', id.slice(0, 8)]).tasks.map((t: any) => t.title)));
    expect([...tasks].filter((t) => !seen.has(t))).toEqual([]);
    expect(tasks.size).toBeGreaterThan(3);
    const merges = ids.map((id) => Number(clones[0].git(['rev-list', '--merges', '--count', `refs/milestones/milestone/${id}`])));
    expect(merges.reduce((x, y) => x + y)).toBeGreaterThan(0); // the clones really diverged and merged
  });
});
