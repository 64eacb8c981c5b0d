/**
 * The two file-system reads the legacy reader needs: a sorted directory listing (empty when the
 * folder is missing) and a text file (null when missing), so a partial legacy folder still reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

export function readText(root: string, rel: string): string | null {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch {
    return null;
  }
}
