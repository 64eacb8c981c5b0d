/**
 * `git milestone backup --verify FILE`: `git bundle verify` (a valid bundle whose prerequisites,
 * if any, this repository has), and what it holds: milestone refs and notes. It is not healthy
 * when git refuses it or when it holds no milestone data.
 */
import * as path from 'node:path';
import { REF_ROOT } from '../../storage/entity/layout';
import type { Context } from '../context';
import { gitRun } from '../sync/gitCommand';
import { NOTES_REF } from '../sync/remoteLayout';

export interface VerifyResult {
  file: string;
  ok: boolean;
  refs: number;
  milestones: number;
  notes: boolean;
  problems: string[];
}

/** Ref name → oid of the refs a bundle carries (empty when git cannot read it). */
export function bundleHeads(ctx: Context, file: string): Map<string, string> {
  const r = gitRun(ctx, ['bundle', 'list-heads', file]);
  const heads = new Map<string, string>();
  if (r.status !== 0) return heads;
  for (const line of r.stdout.split('\n')) {
    const m = /^([0-9a-f]{40,64}) (refs\/\S+)$/.exec(line);
    if (m) heads.set(m[2], m[1]);
  }
  return heads;
}

export async function verifyBackup(ctx: Context, o: { file: string }): Promise<VerifyResult> {
  const file = path.resolve(ctx.env.cwd, o.file);
  const problems: string[] = [];
  const v = gitRun(ctx, ['bundle', 'verify', '--quiet', file]);
  if (v.status !== 0) problems.push(v.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? 'git bundle verify failed');
  const heads = [...bundleHeads(ctx, file).keys()];
  const milestones = heads.filter((h) => h.startsWith(`${REF_ROOT}milestone/`)).length;
  const notes = heads.includes(NOTES_REF);
  if (v.status === 0 && milestones === 0 && !notes) problems.push('the bundle holds no milestone refs and no notes');
  return { file, ok: problems.length === 0, refs: heads.length, milestones, notes, problems };
}
