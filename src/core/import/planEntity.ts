/**
 * The commits of one imported entity, computed before anything is written: a root commit holding
 * only the creating operation (its hash is the id) and, when there is more, a second commit with
 * the rest, each with the snapshot folded by the domain. This is exactly what EntityStore.create
 * followed by one append writes (same packs, snapshots, author, time and message), so the loose
 * writer and `git fast-import` produce the same objects as the engine would.
 *
 * `validate` runs each operation's write-time checks on the state before it and applies it with its
 * own handler (what applyOps does for one newer operation, without re-sorting): the legacy import.
 * A JSON import replays recorded history, which is only checked for well-formedness and folded.
 */
import { CREATE_TYPE, checkOperation, getHandler, validateOperation } from '../../domain/ops/registry';
import { checkOperationLimits } from '../../domain/limits';
import type { Author, MilestoneState, Operation, StoredOperation } from '../../domain/types';
import { MilestoneError } from '../../errors/MilestoneError';
import { packFromCanonical } from '../../storage/entity/bulkCommits';
import { refName } from '../../storage/entity/layout';
import { encodePack } from '../../storage/entity/pack';
import { milestoneEntity as def } from '../milestoneEntity';

export interface PlannedCommit {
  ops: Operation[];
  /** The encoded operation pack (ops.json). */
  pack: string;
  state: MilestoneState;
  author: Author;
  time: string;
  message: string;
}

export interface PlannedEntity {
  id: string;
  ref: string;
  commits: PlannedCommit[];
  /** The state at the tip. */
  state: MilestoneState;
}

type Op = StoredOperation & { json?: string };

function commitOf(ops: Op[], state: MilestoneState): PlannedCommit {
  const last = ops[ops.length - 1].op;
  const plain = ops.map((s) => s.op);
  const pack = ops.every((s) => s.json !== undefined) ? packFromCanonical(ops.map((s) => s.json as string)) : encodePack(plain);
  return { ops: plain, pack, state, author: last.author, time: last.time, message: def.describe(plain) };
}

/** Refuses an operation over a size limit before anything is written (its JSON measured when known). */
function limits(s: Op): void {
  checkOperationLimits(s.op, s.json === undefined ? undefined : Buffer.byteLength(s.json, 'utf8'));
}

export function planEntity(create: Op, rest: Op[], validate: boolean): PlannedEntity {
  if (create.op.type !== CREATE_TYPE) {
    throw new MilestoneError('INVALID_INPUT', `the first operation is ${JSON.stringify(create.op.type)}, not ${CREATE_TYPE}`);
  }
  if (validate) validateOperation(null, create.op);
  else checkOperation(create.op);
  limits(create);
  const root = getHandler(CREATE_TYPE).apply(null, create.op, create.hash);
  const commits = [commitOf([create], root)];
  let state = root;
  if (rest.length > 0) {
    for (const s of rest) {
      if (s.op.lamport <= create.op.lamport) {
        throw new MilestoneError('INVALID_INPUT', `operation ${s.hash.slice(0, 12)} (${s.op.type}) is not later than the creating operation (Lamport ${s.op.lamport})`);
      }
      limits(s);
      if (!validate) {
        checkOperation(s.op);
        continue;
      }
      validateOperation(state, s.op);
      state = getHandler(s.op.type).apply(state, s.op, s.hash);
    }
    if (!validate) state = def.apply(root, rest);
    commits.push(commitOf(rest, state));
  }
  return { id: create.hash, ref: refName(def.kind, create.hash), commits, state };
}
