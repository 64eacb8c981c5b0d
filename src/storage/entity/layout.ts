/**
 * The on-disk layout of an entity, in one place.
 *
 *   refs/milestones/<kind>/<id>  →  commit (parents: previous pack; two for a merge)
 *     tree:
 *       version-1        empty blob; the format version, readable from the tree alone
 *       level-N-vX.Y.Z   empty blob, only when the entity holds something of format level N > 1:
 *                        the release X.Y.Z that introduced level N (domain/formatLevels.ts)
 *       ops.json         this commit's operation pack {"version":1,"ops":[...]} (absent in merges)
 *       snapshot.json    the folded state after this commit (canonical JSON)
 *
 * Reading the current state costs one ref, one commit, one tree and one blob.
 *
 * Attachments: a commit may carry extra parents that are not entity commits (a session
 * checkpoint's saved work tree, as `git stash create` makes it), so `git gc` keeps them and a push
 * or bundle carries them. The commit message names each on an `Attached: <oid>` line, and every
 * walk of entity history follows `entityParents` only.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { BASE_LEVEL, PACKAGE_VERSION, READ_LEVEL } from '../../domain/formatLevels';
import type { CommitData, Oid, TreeEntry } from '../ports';

export const FORMAT_VERSION = 1;
export const REF_ROOT = 'refs/milestones/';
export const OPS_FILE = 'ops.json';
export const SNAPSHOT_FILE = 'snapshot.json';
export const VERSION_PREFIX = 'version-';
const LEVEL_ENTRY = /^level-([1-9][0-9]*)-v(.+)$/;

/** The format level an entity needs, and the release that introduced that level. */
export interface FormatNeed {
  level: number;
  release: string;
}

/** The tree entry that marks a commit of `need.level` (none for the base level). */
export function levelEntryName(need: FormatNeed): string | null {
  return need.level > BASE_LEVEL ? `level-${need.level}-v${need.release}` : null;
}

/** The level a tree is marked with (BASE_LEVEL when unmarked). */
export function levelOfTree(entries: readonly TreeEntry[]): FormatNeed | null {
  for (const e of entries) {
    const m = LEVEL_ENTRY.exec(e.name);
    if (m) return { level: Number(m[1]), release: m[2] };
  }
  return null;
}

/**
 * FORMAT_TOO_NEW for an entity a newer release wrote: names the entity, the release it needs (when
 * known) and the operation type this build does not know (when one was met).
 */
export function formatTooNew(ref: string, current: string, o: { need?: FormatNeed | null; type?: string }): MilestoneError {
  const [kind, id] = ref.slice(REF_ROOT.length).split('/');
  const what = `${kind ?? 'entity'} ${(id ?? ref).slice(0, 8)}`;
  const by = o.need ? `git-milestone ≥ ${o.need.release}` : 'a newer git-milestone';
  const detail = o.type !== undefined ? `operation ${o.type}` : o.need ? `format level ${o.need.level}` : 'unknown format';
  return new MilestoneError('FORMAT_TOO_NEW', `${what} was written by ${by} (${detail}); this is ${current}: upgrade`, {
    hint: 'Upgrade git-milestone in this clone to read it. Nothing was changed, and other entities are unaffected.',
    data: { ref, kind, id, release: o.need?.release ?? null, level: o.need?.level ?? null, type: o.type ?? null, current },
  });
}

export function refPrefix(kind: string): string {
  return `${REF_ROOT}${kind}/`;
}

export function refName(kind: string, id: string): string {
  return `${refPrefix(kind)}${id}`;
}

export function idFromRef(kind: string, ref: string): string {
  return ref.slice(refPrefix(kind).length);
}

export const ID_PATTERN = /^[0-9a-f]{64}$/;

const ATTACHED = /^Attached: ([0-9a-f]{40,64})$/gm;

/** The message lines that name attachments (appended to an entity commit's message). */
export function attachedLines(attach: readonly Oid[]): string {
  return attach.map((oid) => `Attached: ${oid}\n`).join('');
}

/** The parents of an entity commit that are entity commits (attachments left out). */
export function entityParents(c: Pick<CommitData, 'parents' | 'message'>): Oid[] {
  if (!c.message.includes('Attached: ')) return c.parents;
  const attached = new Set([...c.message.matchAll(ATTACHED)].map((m) => m[1]));
  return c.parents.filter((p) => !attached.has(p));
}

/**
 * Reads the format version and level from a tree listing and refuses what this build cannot read:
 * another version (UNSUPPORTED_FORMAT), a level above `readLevel` (FORMAT_TOO_NEW).
 */
export function checkVersion(ref: string, entries: TreeEntry[], readLevel = READ_LEVEL, current = PACKAGE_VERSION): FormatNeed | null {
  const marker = entries.find((e) => e.name.startsWith(VERSION_PREFIX));
  if (!marker) {
    throw new MilestoneError('CORRUPT_ENTITY', `${ref}: not a git-milestone entity (no ${VERSION_PREFIX}N entry in its tree)`, {
      hint: `Inspect it with \`git ls-tree ${ref}\`; \`git milestone doctor\` reports every bad ref.`,
      data: { ref },
    });
  }
  const version = Number(marker.name.slice(VERSION_PREFIX.length));
  if (version !== FORMAT_VERSION) {
    throw new MilestoneError('UNSUPPORTED_FORMAT', `${ref}: entity format version ${marker.name.slice(VERSION_PREFIX.length)} is not supported (this git-milestone reads version ${FORMAT_VERSION})`, {
      hint: 'Upgrade git-milestone in this clone; the entity was written by a newer release.',
      data: { ref, version: marker.name.slice(VERSION_PREFIX.length) },
    });
  }
  const need = levelOfTree(entries);
  if (need && need.level > readLevel) throw formatTooNew(ref, current, { need });
  return need;
}

export function entryOid(ref: string, entries: TreeEntry[], name: string, required: boolean): string | null {
  const entry = entries.find((e) => e.name === name);
  if (!entry && required) {
    throw new MilestoneError('CORRUPT_ENTITY', `${ref}: commit tree has no ${name}`, {
      hint: `Inspect it with \`git ls-tree ${ref}\`.`,
      data: { ref },
    });
  }
  return entry ? entry.oid : null;
}

export function corrupt(ref: string, what: string): MilestoneError {
  return new MilestoneError('CORRUPT_ENTITY', `${ref}: ${what}`, {
    hint: `Inspect it with \`git log --stat ${ref}\`; \`git milestone doctor\` lists every bad ref. Other entities are unaffected.`,
    data: { ref },
  });
}
