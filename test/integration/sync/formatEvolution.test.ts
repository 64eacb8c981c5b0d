/**
 * Format evolution with real repositories: a "0.4.0" writer (this build's engine with a test-only
 * registry: one operation type at format level 4, and an entity kind `forecast`) writes into a
 * clone; this release (the CLI) lists the rest, refuses the newer milestone with FORMAT_TOO_NEW
 * (exit 13) naming the release, doctor only warns, and backup/restore carry the unknown kind along.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpHandler } from '../../../src/domain/ops/OpHandler';
import type { MilestoneState, Operation } from '../../../src/domain/types';
import { makeCluster, type Cluster } from './cluster';

const dist = <T>(p: string): T => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p)) as T;
const { milestoneEntityFor } = dist<typeof import('../../../src/core/milestoneEntity')>('core/milestoneEntity.js');
const { FORMAT_LEVELS } = dist<typeof import('../../../src/domain/formatLevels')>('domain/formatLevels.js');
const { createRegistry, HANDLERS } = dist<typeof import('../../../src/domain/ops/registry')>('domain/ops/registry.js');
const { checkEnvelope } = dist<typeof import('../../../src/domain/ops/payload')>('domain/ops/payload.js');
const { onLive, touch } = dist<typeof import('../../../src/domain/ops/state')>('domain/ops/state.js');
const { EntityStore } = dist<typeof import('../../../src/storage/entity/EntityStore')>('storage/entity/EntityStore.js');
const { findRepo } = dist<typeof import('../../../src/storage/git/findRepo')>('storage/git/findRepo.js');
const { openGitStorage } = dist<typeof import('../../../src/storage/git/openGitStorage')>('storage/git/openGitStorage.js');

const phaseSubmit: OpHandler = {
  type: 'phase.submit', level: 4,
  check: (op: Operation) => checkEnvelope(op, 'phase.submit'),
  validate: () => undefined,
  apply: (state, op) => onLive(state, op, (live) => touch(live, op, {})),
};
const NEWER = createRegistry([...HANDLERS, phaseSubmit], { ...FORMAT_LEVELS, 4: '0.4.0' }, '0.4.0');

let cluster: Cluster | undefined;
afterEach(() => cluster?.cleanup());

/** Writes as the newer release would: a phase.submit on `milestone`, and one forecast entity. */
async function writeAsNewer(dir: string, milestone: string): Promise<string> {
  const storage = openGitStorage({ repo: findRepo({ cwd: dir, vars: {} }) });
  const who = { author: { name: 'Newer', email: 'n@example.com' }, time: '2026-02-01T00:00:00.000Z' };
  try {
    const def = milestoneEntityFor('merge', NEWER);
    await new EntityStore<MilestoneState>(storage, def).append(milestone, who, () => [{ type: 'phase.submit' }]);
    const session = { ...def, kind: 'forecast', format: { ...def.format, levelOf: () => 4 } };
    const s = await new EntityStore<MilestoneState>(storage, session).create({ type: 'milestone.create', title: 'S', nonce: 's' }, who);
    return s.ref;
  } finally {
    await (storage.objects as unknown as { close(): Promise<void> }).close();
  }
}

describe('data written by a newer release', () => {
  it('is refused by name (exit 13) while everything else reads, and unknown kinds travel along', async () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const a = ann.json<{ id: string }>(['new', 'Alpha']).id;
    const b = ann.json<{ id: string }>(['new', 'Beta']).id;
    const sessionRef = await writeAsNewer(ann.dir, a);
    expect(ann.git(['ls-tree', '--name-only', `refs/milestones/milestone/${a}`])).toMatch(/^level-4-v0\.4\.0$/m);

    const ids = ann.json<Array<{ id: string }>>(['list']).map((m) => m.id);
    expect(ids).toContain(b);
    expect(ids).not.toContain(a);
    const shown = ann.gm(['show', a.slice(0, 8)]);
    expect(shown.code).toBe(13);
    expect(shown.stderr).toContain(`milestone ${a.slice(0, 8)} was written by git-milestone ≥ 0.4.0 (format level 4); this is 0.3.0: upgrade`);
    const asJson = ann.gm(['show', a.slice(0, 8), '--json']);
    expect(JSON.parse(asJson.stdout || asJson.stderr).error.code).toBe('FORMAT_TOO_NEW');
    expect(ann.gm(['task', 'add', a.slice(0, 8), 'more']).code).toBe(13);

    const doctor = ann.gm(['doctor', '--json']);
    expect(doctor.code).toBe(0);
    const problems = JSON.parse(doctor.stdout).problems as Array<{ severity: string; message: string }>;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('(operation phase.submit)'),
      expect.stringMatching(/^1 forecast entity under refs\/milestones\/forecast\/, written by git-milestone ≥ 0\.4\.0/),
    ]));

    const file = path.join(ann.dir, 'plan.bundle');
    ann.ok(['backup', file]);
    expect(ann.git(['bundle', 'list-heads', file])).toContain(sessionRef);
    const restored = bob.json<{ created: number; errors: unknown[]; otherKinds: { carried: string[] } }>(['restore', file]);
    expect(restored).toMatchObject({ created: 1, errors: [] });
    expect(restored.otherKinds.carried.sort()).toEqual([`refs/milestones/milestone/${a}`, sessionRef].sort());
    for (const ref of [sessionRef, `refs/milestones/milestone/${a}`]) expect(bob.git(['rev-parse', ref])).toBe(ann.git(['rev-parse', ref]));
    expect(bob.json<Array<{ id: string }>>(['list']).map((m) => m.id)).toEqual([b]);
    expect(bob.gm(['show', a.slice(0, 8)]).code).toBe(13);
  });
});
