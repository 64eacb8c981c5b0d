/**
 * The merge commit of two diverged tips of one entity. It carries no operations and has both tips
 * as parents. Its snapshot is the fold of the union of both sides' operations in (Lamport, hash)
 * order. So every clone that merges the same operations gets the same snapshot, byte for byte.
 *
 * The commit itself is deterministic too: parents in oid order, and the identity and time of the
 * newer parent. Two clones that merge the same pair of tips write the same commit, and a later sync
 * between them is a fast-forward instead of another merge.
 *
 * Both histories are read in full and validated (readHistory), so a damaged or forged side is
 * refused, naming the ref, before anything is written.
 */
import type { StoredOperation } from '../../domain/types';
import type { CommitData, ObjectStore, Oid } from '../ports';
import { sortOps } from './pack';
import { readHistory } from './readHistory';
import type { FormatNeed } from './layout';
import type { EntityDefinition, EntityFormat } from './types';
import { writeCommit } from './writeCommit';

export interface MergeTipsOptions<S> {
  objects: ObjectStore;
  def: EntityDefinition<S>;
  ref: string;
  id: string;
  local: Oid;
  other: Oid;
}

export interface MergedTip<S> {
  tip: Oid;
  state: S;
  /** Operations the merge brought in that the local tip did not have. */
  added: number;
}

/** The newer of two commits (committer time, then oid), whose identity and time the merge takes. */
function newer(a: [Oid, CommitData], b: [Oid, CommitData]): [Oid, CommitData] {
  const d = a[1].committer.timestamp - b[1].committer.timestamp;
  return d > 0 || (d === 0 && a[0] > b[0]) ? a : b;
}

/** The level a merge is marked with: the highest of its operations' and both sides' marks. */
function mergedNeed(format: EntityFormat, ops: StoredOperation[], sides: Array<FormatNeed | null>): FormatNeed {
  const level = format.levelOf(ops.map((s) => s.op));
  const marked = sides.filter((n): n is FormatNeed => n !== null && n.level >= level).sort((a, b) => b.level - a.level)[0];
  return marked ?? { level, release: format.releaseOf(level) };
}

export async function mergeTips<S>(o: MergeTipsOptions<S>): Promise<MergedTip<S>> {
  const base = { objects: o.objects, def: o.def, ref: o.ref, id: o.id };
  const mine = await readHistory({ ...base, tip: o.local });
  const theirs = await readHistory({ ...base, tip: o.other });
  const union = new Map<string, StoredOperation>();
  for (const s of [...mine.ops, ...theirs.ops]) union.set(s.hash, s);
  const ops = sortOps([...union.values()]);
  const state = o.def.apply(null, ops);
  const [, head] = newer([o.local, await o.objects.readCommit(o.local)], [o.other, await o.objects.readCommit(o.other)]);
  const tip = await writeCommit({
    objects: o.objects,
    parents: [o.local, o.other].sort(),
    pack: null,
    snapshot: state,
    author: { name: head.committer.name, email: head.committer.email },
    time: new Date(head.committer.timestamp * 1000).toISOString(),
    need: mergedNeed(o.def.format, ops, [mine.need, theirs.need]),
    message: `merge: ${ops.length} operations from two clones\n\nWritten by git-milestone. A merge carries no operations; snapshot.json is the fold of both sides.\n`,
  });
  return { tip, state, added: union.size - mine.ops.length };
}
