/**
 * A mapped legacy milestone → its stamped operations, deterministically: the nonce comes from the
 * legacy id and the file's content hash, the time from the document (mapMilestone), Lamport times
 * count up from 1 as the engine would stamp them. So importing the same file again (same author)
 * gives the same milestone id, and an interrupted import that is run again writes the same
 * entities. Operations: milestone.create; then milestone.alias (the legacy id), task.add per task
 * in the legacy order, task.depend for tasks that depend on a later task (so each dependency list
 * keeps its order), the phase and review operations of tasks in the phased workflow (phaseOps.ts),
 * and milestone.depend for `dependencies.requires`.
 */
import { createHash } from 'node:crypto';
import { canonicalJsonFast as canonicalJson } from '../domain/canonicalFast';
import {
  milestoneAliasOp, milestoneCreateOp, milestoneDependOp, taskAddOp, taskDependOp, type MilestoneOpDraft,
} from '../domain/ops/constructors';
import type { TaskAddPayload } from '../domain/ops/taskAdd';
import type { Author, Operation, StoredOperation } from '../domain/types';
import type { MappedMilestone } from './mapMilestone';
import { pushPhaseOps, type PushOp } from './phaseOps';

/** An operation with its canonical JSON (reused for the pack) and hash (sha256 of that JSON, as hashOperation). */
export interface EncodedOp extends StoredOperation {
  json: string;
}

export function encodeOp(op: Operation): EncodedOp {
  const json = canonicalJson(op);
  return { op, json, hash: createHash('sha256').update(json, 'utf8').digest('hex') };
}

export function legacyNonce(legacyId: string, contentHash: string): string {
  return createHash('sha256').update(`git-milestone legacy import\n${legacyId}\n${contentHash}`).digest('hex').slice(0, 32);
}

/**
 * The draft (a fresh object from its constructor) stamped in place: `{ ...draft, author, … }` copied
 * every field into a new object with hidden classes of its own, a large share of a bulk import's time.
 */
function stamp(draft: MilestoneOpDraft, author: Author, time: string, lamport: number): Operation {
  const op = draft as Partial<Operation>;
  op.author = author;
  op.time = time;
  op.lamport = lamport;
  return op as Operation;
}

export function createOp(m: MappedMilestone, nonce: string, author: Author): EncodedOp {
  const draft = milestoneCreateOp({ title: m.title, nonce, fields: m.fields, extra: m.extra });
  return encodeOp(stamp(draft, author, m.time, 1));
}

/**
 * The operations after the create. `resolve` turns a required milestone's legacy id (or id) into
 * its milestone id.
 */
export function restOps(m: MappedMilestone, nonce: string, author: Author, resolve: (legacyId: string) => string): EncodedOp[] {
  const ops: EncodedOp[] = [];
  const push: PushOp = (draft, by = {}) => {
    const encoded = encodeOp(stamp(draft, by.author ?? author, by.time ?? m.time, ops.length + 2));
    ops.push(encoded);
    return encoded.hash;
  };
  push(milestoneAliasOp({ add: [m.legacyId] }));
  const ids: string[] = [];
  const later: Array<{ task: string; deps: number[] }> = [];
  m.tasks.forEach((t, i) => {
    const inline = t.deps.every((d) => d < i);
    const payload: TaskAddPayload = Object.assign({ title: t.title, nonce: `${nonce}-${i}` }, t.payload);
    payload.extra = t.extra;
    if (inline && t.deps.length > 0) payload.dependsOn = t.deps.map((d) => ids[d]);
    ids.push(push(taskAddOp(payload)));
    if (!inline) later.push({ task: ids[i], deps: t.deps });
  });
  for (const { task, deps } of later) push(taskDependOp({ task, add: deps.map((d) => ids[d]) }));
  m.tasks.forEach((t, i) => t.phases && pushPhaseOps(ids[i], t.phases, push));
  if (m.requires.length > 0) push(milestoneDependOp({ add: m.requires.map(resolve) }));
  return ops;
}
