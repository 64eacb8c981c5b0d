/**
 * Incremental parser for `git cat-file --batch` output: `<oid> <type> <size>\n<data>\n` or
 * `<oid> missing\n`, split across pipe chunks in any way. Chunks are kept in a list and joined
 * only once a whole record is available, so a large object costs one copy, not one per chunk.
 */
import type { GitObjectType } from './types';

export type BatchRecord =
  | { oid: string; found: true; type: GitObjectType; data: Buffer }
  | { oid: string; found: false; reason: string };

export class BatchParser {
  private chunks: Buffer[] = [];
  private length = 0;
  private header: { oid: string; type: GitObjectType; size: number } | null = null;

  constructor(private readonly onRecord: (record: BatchRecord) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.next());
  }

  /** Bytes received but not yet part of a complete record. */
  get buffered(): number {
    return this.length;
  }

  private next(): boolean {
    if (!this.header) {
      const line = this.takeLine();
      if (line === null) return false;
      const parts = line.split(' ');
      if (parts.length === 3 && /^\d+$/.test(parts[2])) {
        this.header = { oid: parts[0], type: parts[1] as GitObjectType, size: Number(parts[2]) };
      } else {
        this.onRecord({ oid: parts[0], found: false, reason: parts.slice(1).join(' ') || line });
      }
      return true;
    }
    if (this.length < this.header.size + 1) return false;
    const body = this.take(this.header.size + 1);
    const { oid, type, size } = this.header;
    this.header = null;
    this.onRecord({ oid, found: true, type, data: body.subarray(0, size) });
    return true;
  }

  private takeLine(): string | null {
    let offset = 0;
    for (const chunk of this.chunks) {
      const nl = chunk.indexOf(0x0a);
      if (nl >= 0) return this.take(offset + nl + 1).subarray(0, offset + nl).toString('latin1');
      offset += chunk.length;
    }
    return null;
  }

  private take(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks, this.length)];
    const first = this.chunks[0];
    if (first.length > n) this.chunks[0] = first.subarray(n);
    else this.chunks.shift();
    this.length -= n;
    return first.subarray(0, n);
  }
}
