/**
 * Writes one entity commit: the pack blob (if any), the snapshot blob, the tree and the commit.
 * Does not move any ref; the caller does that with compare-and-swap.
 */
import { canonicalJson } from '../../domain/canonical';
import type { Author } from '../../domain/types';
import type { ObjectStore, Oid, TreeEntry } from '../ports';
import { attachedLines, FORMAT_VERSION, levelEntryName, OPS_FILE, SNAPSHOT_FILE, VERSION_PREFIX, type FormatNeed } from './layout';

export interface WriteCommitOptions {
  objects: ObjectStore;
  parents: Oid[];
  /** Encoded operation pack; null for a merge commit. */
  pack: string | null;
  snapshot: unknown;
  author: Author;
  time: string;
  message: string;
  /** The format level the entity needs after this commit; marked in the tree above level 1. */
  need?: FormatNeed | null;
  /** Extra parents that are not entity commits, kept reachable (layout.ts: attachments). */
  attach?: readonly Oid[];
}

export async function writeCommit(o: WriteCommitOptions): Promise<Oid> {
  const entries: TreeEntry[] = [];
  const empty = await o.objects.writeBlob('');
  entries.push({ mode: '100644', name: `${VERSION_PREFIX}${FORMAT_VERSION}`, oid: empty });
  const level = o.need ? levelEntryName(o.need) : null;
  if (level !== null) entries.push({ mode: '100644', name: level, oid: empty });
  if (o.pack !== null) entries.push({ mode: '100644', name: OPS_FILE, oid: await o.objects.writeBlob(o.pack) });
  entries.push({ mode: '100644', name: SNAPSHOT_FILE, oid: await o.objects.writeBlob(canonicalJson(o.snapshot)) });
  const tree = await o.objects.writeTree(entries);
  const timestamp = Math.floor(Date.parse(o.time) / 1000);
  const who = { name: o.author.name, email: o.author.email, timestamp, timezoneOffset: 0 };
  const attach = o.attach ?? [];
  const message = attach.length > 0 ? `${o.message.replace(/\n*$/, '\n')}\n${attachedLines(attach)}` : o.message;
  return o.objects.writeCommit({ tree, parents: [...o.parents, ...attach], author: who, committer: who, message });
}
