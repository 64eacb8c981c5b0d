/**
 * In-memory ObjectStore for unit tests. Objects are serialized with the git adapter's own
 * serializers, so oids are real git oids (a test can compare them with `git hash-object`) and
 * invalid trees or identities are refused exactly as on a repository.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { decodeObject, expectType, objectNotFound } from '../format/decodeObject';
import { assertOid, hashObject } from '../format/hashObject';
import { parseCommit } from '../format/parseCommit';
import { parseTree } from '../format/parseTree';
import { serializeCommit } from '../format/serializeCommit';
import { serializeTree } from '../format/serializeTree';
import type { GitObjectType, ObjectFormat } from '../ports';
import type { CommitData, ObjectStore, Oid, RawObject, TreeEntry } from '../ports';

export interface MemoryObjectStoreOptions {
  format?: ObjectFormat;
}

export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<Oid, { type: GitObjectType; content: Buffer }>();
  private readonly format: ObjectFormat;
  private closed = false;

  constructor(o: MemoryObjectStoreOptions = {}) {
    this.format = o.format ?? 'sha1';
  }

  get size(): number {
    return this.objects.size;
  }

  has(oid: Oid): boolean {
    return this.objects.has(oid);
  }

  async writeBlob(data: Buffer | string): Promise<Oid> {
    return this.put('blob', typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
  }

  async writeTree(entries: TreeEntry[]): Promise<Oid> {
    return this.put('tree', serializeTree({ entries, format: this.format }));
  }

  async writeCommit(commit: CommitData): Promise<Oid> {
    return this.put('commit', serializeCommit({ commit, format: this.format }));
  }

  async readBlob(oid: Oid): Promise<Buffer> {
    return Buffer.from(this.get(oid, 'blob'));
  }

  async readTree(oid: Oid): Promise<TreeEntry[]> {
    return parseTree({ content: this.get(oid, 'tree'), format: this.format, oid });
  }

  async readCommit(oid: Oid): Promise<CommitData> {
    return parseCommit({ content: this.get(oid, 'commit'), oid });
  }

  /** Like the git store: missing or unparsable objects are absent from the map. */
  async readMany(oids: Oid[]): Promise<Map<Oid, RawObject>> {
    this.checkOpen();
    const out = new Map<Oid, RawObject>();
    for (const oid of oids) {
      const o = this.objects.get(oid);
      if (!o || out.has(oid)) continue;
      try {
        out.set(oid, decodeObject({ oid, type: o.type, content: Buffer.from(o.content), format: this.format }));
      } catch {
        /* corrupt: absent, as in GitObjectStore */
      }
    }
    return out;
  }

  /** Like the git store: the first-parent chains, or null when a commit is missing or no commit. */
  async ancestors(commits: Oid[]): Promise<Oid[] | null> {
    this.checkOpen();
    const seen = new Set<Oid>();
    const todo = [...commits];
    while (todo.length > 0) {
      const oid = todo.pop() as Oid;
      if (seen.has(oid)) continue;
      const o = this.objects.get(oid);
      if (!o || o.type !== 'commit') return null;
      seen.add(oid);
      todo.push(...parseCommit({ content: Buffer.from(o.content), oid }).parents.slice(0, 1));
    }
    return [...seen];
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private put(type: GitObjectType, content: Buffer): Oid {
    this.checkOpen();
    const oid = hashObject({ type, content, format: this.format });
    if (!this.objects.has(oid)) this.objects.set(oid, { type, content });
    return oid;
  }

  private get(oid: Oid, type: GitObjectType): Buffer {
    this.checkOpen();
    assertOid(oid, this.format);
    const o = this.objects.get(oid);
    if (!o) throw objectNotFound(oid);
    expectType(oid, o.type, type);
    return o.content;
  }

  private checkOpen(): void {
    if (this.closed) throw new MilestoneError('INTERNAL', 'object store used after close()');
  }
}
