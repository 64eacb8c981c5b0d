/**
 * Packs loose refs into `packed-refs` once many have piled up under a prefix, as `git gc` would.
 * Listing 10,000 loose ref files costs even git itself ~280 ms here; one packed-refs file costs a
 * few. Runs native `git pack-refs --all`, which takes each ref's own lock, so it is safe beside
 * concurrent writers (ours use the same lock files). Best effort: a failure leaves refs loose.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRaw } from './runGit';

export interface PackLooseRefsOptions {
  commonDir: string;
  /** Ref prefix, e.g. `refs/milestones/milestone/`. */
  prefix: string;
  /** Pack when more loose refs than this are found directly in the prefix's directory. */
  threshold: number;
}

export function packLooseRefs(o: PackLooseRefsOptions): boolean {
  let loose = 0;
  try {
    loose = fs.readdirSync(path.join(o.commonDir, o.prefix)).filter((n) => !n.endsWith('.lock')).length;
  } catch {
    return false;
  }
  if (loose <= o.threshold) return false;
  try {
    return gitRaw(['--git-dir', o.commonDir, 'pack-refs', '--all'], { cwd: o.commonDir }).status === 0;
  } catch {
    return false;
  }
}
