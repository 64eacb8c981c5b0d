import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as ctors from '../../../src/domain/ops/constructors';
import { checkOperation, OP_TYPES } from '../../../src/domain/ops/registry';
import type { OpDraft } from '../../../src/domain/types';
import { ALICE, caught, timeAt } from './build';

const SRC = resolve(__dirname, '../../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const id = 'a'.repeat(64);
const SAMPLES: OpDraft[] = [
  ctors.milestoneCreateOp({ title: 'T', nonce: 'n', fields: { priority: 'high' }, labels: ['x'] }),
  ctors.milestoneSetOp({ fields: { title: 'U' } }),
  ctors.milestoneSetExtraOp({ fields: { k: 1 } }),
  ctors.milestoneLabelOp({ add: ['x'] }),
  ctors.milestoneDependOp({ remove: [id] }),
  ctors.milestoneAliasOp({ add: ['m-1'] }),
  ctors.milestoneArchiveOp({ archived: true }),
  ctors.milestoneDeleteOp(),
  ctors.milestoneWorkflowOp({ workflow: 'kiro' }),
  ctors.taskAddOp({ title: 'T', nonce: 'n', assignee: undefined }),
  ctors.taskSetOp({ task: id, fields: { assignee: 'bob' } }),
  ctors.taskStatusOp({ task: id, status: 'completed' }),
  ctors.taskDependOp({ task: id, add: [id] }),
  ctors.taskRemoveOp({ task: id }),
  ctors.taskWorkflowOp({ task: id, workflow: { name: 'kiro', phases: [{ name: 'design', weight: 100, needsApproval: true }] } }),
  ctors.phaseSetOp({ task: id, phase: 'design', status: 'waiting_approval', deliverables: [{ path: 'd.md', blob: 'a'.repeat(40) }] }),
  ctors.reviewAddOp({ task: id, phase: 'design', round: id, decision: 'approve', deliverables: [] }),
];

describe('operation constructors', () => {
  it('exist for every operation type and build drafts that check once stamped', () => {
    expect(SAMPLES.map((d) => d.type).sort()).toEqual([...OP_TYPES].sort());
    for (const d of SAMPLES) expect(() => checkOperation({ ...d, author: ALICE, time: timeAt(1), lamport: 2 })).not.toThrow();
  });

  it('leave out absent optional members instead of writing undefined', () => {
    expect(ctors.taskAddOp({ title: 'T', nonce: 'n', assignee: undefined })).toEqual({ type: 'task.add', title: 'T', nonce: 'n' });
    expect(ctors.milestoneDeleteOp()).toEqual({ type: 'milestone.delete' });
  });

  it('a malformed operation of a known type is still INVALID_OPERATION', () => {
    const bad = { ...ctors.taskStatusOp({ task: id, status: 'completed' }), status: 3, author: ALICE, time: timeAt(1), lamport: 2 };
    expect(caught(() => checkOperation(bad)).code).toBe('INVALID_OPERATION');
  });

  it('are the only way core and legacy build operations (no string-typed literals)', () => {
    const literal = new RegExp(`type: '(${OP_TYPES.map((t) => t.replace('.', '\\.')).join('|')})'`);
    const offenders = [...files(join(SRC, 'core')), ...files(join(SRC, 'legacy'))]
      .filter((f) => literal.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(SRC.length + 1));
    expect(offenders).toEqual([]);
  });
});

describe('src/domain imports', () => {
  it('form no circle (type-only imports included)', () => {
    const dir = join(SRC, 'domain');
    const graph = new Map<string, string[]>();
    for (const f of files(dir)) {
      const deps = [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)]
        .map((m) => resolve(dirname(f), `${m[1]}.ts`))
        .filter((p) => p.startsWith(dir));
      graph.set(f, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => p.slice(dir.length + 1)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
