/**
 * What MemoryPorcelain does not model (merges, history queries, staged files, remotes' transport,
 * bundles, fast-import): each call throws, so a test never passes by accident against a double that
 * only pretends.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { BulkCommit, GitResult, Oid } from '../ports';
import { MemoryConfig } from './memoryConfig';

export class MemoryUnmodelled extends MemoryConfig {
  gitPath(name: string): string {
    return this.unsupported(`rev-parse --git-path ${name}`);
  }

  mergedBranches(): Set<string> {
    return this.unsupported('for-each-ref --merged');
  }

  branchContains(): boolean {
    return this.unsupported('for-each-ref --contains');
  }

  cherry(): string[] | null {
    return this.unsupported('cherry');
  }

  mergeTree(): Oid | null {
    return this.unsupported('merge-tree');
  }

  stagedFiles(): string[] {
    return this.unsupported('diff --cached');
  }

  stagedBlob(): string | null {
    return this.unsupported('cat-file :path');
  }

  fetch(source: string): void {
    this.unsupported(`fetch ${source}`);
  }

  push(remote: string): GitResult {
    return this.unsupported(`push ${remote}`);
  }

  pushIfUnchanged(remote: string): 'ok' | 'moved' {
    return this.unsupported(`push --force-with-lease ${remote}`);
  }

  mergeNotes(): GitResult {
    return this.unsupported('notes merge');
  }

  bundleCreate(): void {
    this.unsupported('bundle create');
  }

  bundleVerify(): string | null {
    return this.unsupported('bundle verify');
  }

  bundleHeads(): Map<string, Oid> {
    return this.unsupported('bundle list-heads');
  }

  bulkWrite(_o: { scratchRef: string; histories: Iterable<BulkCommit[]> }): Promise<Oid[]> {
    return Promise.reject(new MilestoneError('INTERNAL', 'MemoryPorcelain does not model fast-import'));
  }
}
