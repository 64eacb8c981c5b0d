/**
 * Where the shared corpus (../shared/corpus beside the project, read-only; never copied into it)
 * is: the first `shared/corpus/<sub>` found going up from the project's parent folder, so a test
 * finds it from the main checkout and from a linked worktree one level deeper; null when absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function sharedCorpus(sub: string): string | null {
  for (let dir = path.resolve(__dirname, '../../..'); ; dir = path.dirname(dir)) {
    const found = path.join(dir, 'shared', 'corpus', sub);
    if (fs.existsSync(found)) return found;
    if (path.dirname(dir) === dir) return null;
  }
}
