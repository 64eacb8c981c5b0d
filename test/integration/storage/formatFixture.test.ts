/**
 * Data written by git-milestone 0.1.0 (fixtures/entities/v0.1.0.bundle, made with the 0.1.0 CLI
 * before format levels existed: tasks with dependencies, a completed, a removed and an archived
 * one, a deleted milestone, and a merge commit holding a title conflict) reads the same with this
 * build: every tip's stored snapshot equals the current fold of its operations, nothing carries a
 * level mark, and appending level-1 operations adds none.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MilestoneState } from '../../../src/domain/types';
import { makeTmpRepo } from '../../helpers/tmpRepo';

const dist = <T>(p: string): T => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p)) as T;
const { milestoneEntity } = dist<typeof import('../../../src/core/milestoneEntity')>('core/milestoneEntity.js');
const { milestoneLabelOp } = dist<typeof import('../../../src/domain/ops/constructors')>('domain/ops/constructors.js');
const { EntityStore } = dist<typeof import('../../../src/storage/entity/EntityStore')>('storage/entity/EntityStore.js');
const { findRepo } = dist<typeof import('../../../src/storage/git/findRepo')>('storage/git/findRepo.js');
const { openGitStorage } = dist<typeof import('../../../src/storage/git/openGitStorage')>('storage/git/openGitStorage.js');

const BUNDLE = path.resolve(__dirname, '../../../fixtures/entities/v0.1.0.bundle');
const EXPECTED = [
  { title: 'Beta', status: 'blocked', labels: [], archived: true, deleted: false, tasks: [] },
  {
    title: 'Alpha by Bob', status: 'planned', labels: ['x', 'y', 'z'], archived: false, deleted: false,
    tasks: [['first', 'completed', false], ['second', 'in_progress', false], ['third', 'pending', true]],
  },
  { title: 'Gamma', status: 'planned', labels: [], archived: false, deleted: true, tasks: [] },
];

const repo = makeTmpRepo();
afterAll(() => repo.cleanup());

describe('0.1.0 data', () => {
  it('reads the same: snapshots equal the current fold, no level marks', async () => {
    repo.git(['fetch', '-q', BUNDLE, 'refs/milestones/*:refs/milestones/*']);
    const storage = openGitStorage({ repo: findRepo({ cwd: repo.dir, vars: {} }) });
    try {
      const store = new EntityStore<MilestoneState>(storage, milestoneEntity);
      const seen = [];
      for (const id of [...(await store.list()).keys()].sort()) {
        const tip = await store.read(id);
        const history = await store.history(id);
        expect(history.state).toEqual(tip.state);
        const s = tip.state;
        seen.push({ title: s.title, status: s.status, labels: s.labels, archived: s.archived, deleted: s.deleted,
          tasks: s.tasks.map((t) => [t.title, t.status, t.deleted]) });
        for (const c of history.commits) {
          expect(repo.git(['ls-tree', '--name-only', c.oid])).toBe(c.ops.length > 0 ? 'ops.json\nsnapshot.json\nversion-1\n' : 'snapshot.json\nversion-1\n');
        }
      }
      expect(seen).toEqual(EXPECTED);
      const alpha = [...(await store.list()).keys()].sort()[1];
      expect((await store.history(alpha)).commits.some((c) => c.parents.length === 2)).toBe(true);
      const next = await store.append(alpha, { author: { name: 'T', email: 't@example.com' }, time: '2027-01-01T00:00:00.000Z' },
        () => [milestoneLabelOp({ add: ['later'] })]);
      expect(repo.git(['ls-tree', '--name-only', next.tip])).toBe('ops.json\nsnapshot.json\nversion-1\n');
    } finally {
      await (storage.objects as unknown as { close(): Promise<void> }).close();
    }
  });
});
