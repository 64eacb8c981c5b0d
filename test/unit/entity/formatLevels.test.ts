/**
 * Format evolution on the in-memory stores: data written by a newer release (a test-only registry
 * with an operation type at format level 4, introduced by "0.4.0") read by this release's registry.
 * The newer entity is refused with FORMAT_TOO_NEW naming the release and the operation; everything
 * else reads and merges as before; level-1 data carries no mark.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { milestoneEntity, milestoneEntityFor } from '../../../src/core/milestoneEntity';
import { FORMAT_LEVELS, PACKAGE_VERSION } from '../../../src/domain/formatLevels';
import { milestoneCreateOp, milestoneLabelOp } from '../../../src/domain/ops/constructors';
import type { OpHandler } from '../../../src/domain/ops/OpHandler';
import { checkEnvelope, requireString } from '../../../src/domain/ops/payload';
import { createRegistry, HANDLERS } from '../../../src/domain/ops/registry';
import { onLive, requireLiveMilestone, touch } from '../../../src/domain/ops/state';
import type { MilestoneState, Operation } from '../../../src/domain/types';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { encodePack } from '../../../src/storage/entity/pack';
import { writeCommit } from '../../../src/storage/entity/writeCommit';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const at = (s: number) => ({ author: { name: 'Ann', email: 'ann@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString() });

/** What a 0.4.0 release might add: `phase.submit` {phase}, at format level 4. */
const phaseSubmit: OpHandler = {
  type: 'phase.submit',
  level: 4,
  check: (op: Operation) => {
    checkEnvelope(op, 'phase.submit');
    requireString(op, 'phase');
  },
  validate: (state, op) => void requireLiveMilestone(state, op),
  apply: (state, op) => onLive(state, op, (live) => touch(live, op, { extra: { ...live.extra, phase: op.phase } })),
};
const NEWER = createRegistry([...HANDLERS, phaseSubmit], { ...FORMAT_LEVELS, 4: '0.4.0' }, '0.4.0');
const submit = (phase: string) => ({ type: 'phase.submit', phase });

function clones() {
  const objects = new MemoryObjectStore();
  const older = new EntityStore<MilestoneState>({ objects, refs: new MemoryRefStore() }, milestoneEntity);
  const newer = new EntityStore<MilestoneState>({ objects, refs: new MemoryRefStore() }, milestoneEntityFor('merge', NEWER));
  return { objects, older, newer };
}

async function treeNames(store: EntityStore<MilestoneState>, tip: string): Promise<string[]> {
  const objects = store.storage.objects;
  return (await objects.readTree((await objects.readCommit(tip)).tree)).map((e) => e.name);
}

describe('format levels', () => {
  it('PACKAGE_VERSION is package.json\'s version', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });

  it('a newer release writes level-1 data without a mark, and this release reads it the same', async () => {
    const { older, newer } = clones();
    const e = await newer.create(milestoneCreateOp({ title: 'T', nonce: 'n' }), at(0));
    const t = await newer.append(e.id, at(1), () => [milestoneLabelOp({ add: ['x'] })]);
    expect(await treeNames(newer, t.tip)).toEqual(['ops.json', 'snapshot.json', 'version-1']);
    await older.mergeMany(await newer.list());
    expect((await older.history(e.id)).state).toEqual(t.state);
  });

  it('an entity holding a newer operation is FORMAT_TOO_NEW, naming the release and the operation', async () => {
    const { older, newer } = clones();
    const { id } = await newer.create(milestoneCreateOp({ title: 'T', nonce: 'n' }), at(0));
    const t = await newer.append(id, at(1), () => [submit('review')]);
    expect(await treeNames(newer, t.tip)).toEqual(['level-4-v0.4.0', 'ops.json', 'snapshot.json', 'version-1']);
    // A later level-1 operation keeps the mark: the snapshot still folds the newer operation.
    const later = await newer.append(id, at(2), () => [milestoneLabelOp({ add: ['x'] })]);
    expect(await treeNames(newer, later.tip)).toContain('level-4-v0.4.0');
    expect(later.state.extra.phase).toBe('review');

    const outcome = [...(await older.mergeMany(await newer.list())).values()][0];
    expect(outcome.kind).toBe('error');
    const short = id.slice(0, 8);
    expect(outcome.kind === 'error' && outcome.error).toMatchObject({
      code: 'FORMAT_TOO_NEW', exitCode: 13,
      message: `milestone ${short} was written by git-milestone ≥ 0.4.0 (operation phase.submit); this is 0.3.0: upgrade`,
    });
    await older.storage.refs.cas(older.ref(id), null, later.tip); // as a plain `git fetch` + update-ref would
    await expect(older.read(id)).rejects.toMatchObject({
      code: 'FORMAT_TOO_NEW', message: `milestone ${short} was written by git-milestone ≥ 0.4.0 (format level 4); this is 0.3.0: upgrade`,
      data: expect.objectContaining({ release: '0.4.0', level: 4, current: '0.3.0' }),
    });
    await expect(older.history(id)).rejects.toMatchObject({ code: 'FORMAT_TOO_NEW', message: expect.stringContaining('(operation phase.submit)') });
    await expect(older.append(id, at(3), () => [milestoneLabelOp({ add: ['y'] })])).rejects.toMatchObject({ code: 'FORMAT_TOO_NEW' });
    const batch = (await older.readMany(new Map([[id, later.tip]]))).get(id);
    expect(batch && 'error' in batch && batch.error).toMatchObject({ code: 'FORMAT_TOO_NEW' });
  });

  it('an unknown operation without a mark (a foreign writer) is still FORMAT_TOO_NEW, not corrupt', async () => {
    const { older, objects } = clones();
    const { id, tip, state } = await older.create(milestoneCreateOp({ title: 'T', nonce: 'n' }), at(0));
    const op = { ...submit('x'), author: at(1).author, time: at(1).time, lamport: 2 } as Operation;
    const child = await writeCommit({ objects, parents: [tip], pack: encodePack([op]), snapshot: state, author: op.author, time: op.time, message: 'm' });
    await older.storage.refs.cas(older.ref(id), tip, child);
    await expect(older.history(id)).rejects.toMatchObject({
      code: 'FORMAT_TOO_NEW', message: `milestone ${id.slice(0, 8)} was written by a newer git-milestone (operation phase.submit); this is 0.3.0: upgrade`,
    });
    // A malformed operation of a known type stays corrupt.
    const bad = { ...op, type: 'milestone.label', add: 'x' } as Operation;
    const badTip = await writeCommit({ objects, parents: [tip], pack: encodePack([bad]), snapshot: state, author: op.author, time: op.time, message: 'm' });
    await older.storage.refs.cas(older.ref(id), child, badTip);
    await expect(older.history(id)).rejects.toMatchObject({ code: 'CORRUPT_ENTITY', message: expect.stringContaining('malformed') });
  });

  it('a newer operation does not stop the merge of other entities; the newer release merges both levels', async () => {
    const { older, newer } = clones();
    const a = await older.create(milestoneCreateOp({ title: 'A', nonce: 'a' }), at(0));
    const b = await older.create(milestoneCreateOp({ title: 'B', nonce: 'b' }), at(0));
    await newer.mergeMany(await older.list());
    await newer.append(a.id, at(1), () => [submit('review')]);
    await newer.append(b.id, at(1), () => [milestoneLabelOp({ add: ['from-newer'] })]);
    await older.append(a.id, at(2), () => [milestoneLabelOp({ add: ['from-older'] })]);
    await older.append(b.id, at(2), () => [milestoneLabelOp({ add: ['from-older'] })]);

    const intoOlder = await older.mergeMany(await newer.list());
    expect(intoOlder.get(a.id)).toMatchObject({ kind: 'error', error: { code: 'FORMAT_TOO_NEW' } });
    expect(intoOlder.get(b.id)?.kind).toBe('merged');
    expect((await older.read(b.id)).state.labels).toEqual(['from-newer', 'from-older']);
    expect((await older.read(a.id)).state.labels).toEqual(['from-older']); // left as it was

    const intoNewer = await newer.mergeMany(await older.list());
    expect(intoNewer.get(a.id)?.kind).toBe('merged');
    const merged = await newer.read(a.id);
    expect(merged.state.labels).toEqual(['from-older']);
    expect(merged.state.extra.phase).toBe('review');
    expect(await treeNames(newer, merged.tip)).toContain('level-4-v0.4.0');
    expect((await newer.history(a.id)).state).toEqual(merged.state);
  });
});
