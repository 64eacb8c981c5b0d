/**
 * applyRows: task lookups go to the shard of each task id, but only for task ids the entity's row
 * does not list yet, so a write to a milestone with many tasks touches the shards of its new ones.
 */
import { describe, expect, it } from 'vitest';
import { applyRows } from '../../../src/index/file/applyRows';
import { emptyShard, type Shard } from '../../../src/index/file/shardFiles';
import type { MilestoneState } from '../../../src/domain/types';

const id = 'ab'.repeat(32);
const task = (prefix: string) => `${prefix}${'0'.repeat(62)}`;
const state = (taskIds: string[]) => ({ tasks: taskIds.map((t) => ({ id: t })), aliases: [] }) as unknown as MilestoneState;
const summary = { aliases: [] } as never;

function run(shards: Map<string, Shard>, taskIds: string[]): { loaded: string[]; dirty: string[] } {
  const loaded: string[] = [];
  const dirty = applyRows({ shards, changes: [{ id, tip: 't', summary, state: state(taskIds) }], removed: [], load: (s) => (loaded.push(s), emptyShard()) });
  return { loaded, dirty: [...dirty].sort() };
}

describe('applyRows', () => {
  it('records every task of a new entity, then only the shards of tasks added since', () => {
    const disk = new Map<string, Shard>();
    expect(run(disk, [task('01'), task('02'), task('03')])).toEqual({ loaded: ['ab', '01', '02', '03'], dirty: ['01', '02', '03', 'ab'] });
    expect(disk.get('ab')?.entities[id].taskIds).toEqual([task('01'), task('02'), task('03')]);
    const kept = new Map([['ab', disk.get('ab') as Shard]]);
    expect(run(kept, [task('01'), task('02'), task('03'), task('04')])).toEqual({ loaded: ['04'], dirty: ['04', 'ab'] });
    expect(kept.get('04')?.tasks[task('04')]).toBe(id);
  });

  it('a row written without taskIds (an older index) checks every task shard, as before', () => {
    const disk = new Map<string, Shard>([['ab', { ...emptyShard(), entities: { [id]: { tip: 'x', summary } } }]]);
    expect(run(disk, [task('01'), task('02')]).loaded).toEqual(['01', '02']);
  });
});
