/**
 * `git milestone backup --verify FILE`: `git bundle verify` (a valid bundle whose prerequisites,
 * if any, this repository has), and what it holds: milestone refs and notes. It is not healthy
 * when git refuses it or when it holds no milestone data.
 */
import * as path from 'node:path';
import { REF_ROOT } from '../../storage/entity/layout';
import type { Context } from '../context';
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
  return ctx.git.bundleHeads(file);
}

export async function verifyBackup(ctx: Context, o: { file: string }): Promise<VerifyResult> {
  const file = path.resolve(ctx.env.cwd, o.file);
  const problems: string[] = [];
  const bad = ctx.git.bundleVerify(file);
  if (bad !== null) problems.push(bad);
  const heads = [...bundleHeads(ctx, file).keys()];
  const milestones = heads.filter((h) => h.startsWith(`${REF_ROOT}milestone/`)).length;
  const notes = heads.includes(NOTES_REF);
  if (bad === null && milestones === 0 && !notes) problems.push('the bundle holds no milestone refs and no notes');
  return { file, ok: problems.length === 0, refs: heads.length, milestones, notes, problems };
}
