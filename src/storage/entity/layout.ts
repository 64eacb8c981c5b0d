/**
 * The on-disk layout of an entity, in one place.
 *
 *   refs/milestones/<kind>/<id>  →  commit (parents: previous pack; two for a merge)
 *     tree:
 *       version-1        empty blob; the format version, readable from the tree alone
 *       ops.json         this commit's operation pack {"version":1,"ops":[...]} (absent in merges)
 *       snapshot.json    the folded state after this commit (canonical JSON)
 *
 * Reading the current state costs one ref, one commit, one tree and one blob.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { TreeEntry } from '../ports';

export const FORMAT_VERSION = 1;
export const REF_ROOT = 'refs/milestones/';
export const OPS_FILE = 'ops.json';
export const SNAPSHOT_FILE = 'snapshot.json';
export const VERSION_PREFIX = 'version-';

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

/** Reads the format version from a tree listing and refuses what this build cannot read. */
export function checkVersion(ref: string, entries: TreeEntry[]): void {
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
