/**
 * `git milestone backup [FILE]`: writes a git bundle of every milestone ref and the notes ref
 * (`git bundle create --stdin` with the ref names, so the bundle holds exactly those refs and
 * the complete history behind them). The default name carries a UTC timestamp. `restore` brings it
 * into any clone (restoreMilestones.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';
import { REF_ROOT } from '../../storage/entity/layout';
import type { Context } from '../context';
import { NOTES_REF } from '../sync/remoteLayout';

export interface BackupResult {
  file: string;
  refs: number;
  milestones: number;
  notes: boolean;
  bytes: number;
}

/** `milestones-20261124-153000.bundle` for a UTC time. */
export function defaultBackupName(now: Date): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `milestones-${t}.bundle`;
}

export async function backupMilestones(ctx: Context, o: { file?: string } = {}): Promise<BackupResult> {
  const refs = [...(await ctx.storage.refs.list(REF_ROOT)).keys()];
  const notes = (await ctx.storage.refs.read(NOTES_REF)) !== null;
  if (refs.length === 0 && !notes) {
    throw new MilestoneError('NOT_FOUND', 'nothing to back up: this repository has no milestones and no notes', {
      hint: 'Create a milestone first (`git milestone new "<title>"`), or pull them (`git milestone pull`).',
    });
  }
  const file = path.resolve(ctx.env.cwd, o.file ?? defaultBackupName(ctx.env.clock()));
  ctx.git.bundleCreate(file, [...refs, ...(notes ? [NOTES_REF] : [])], { hint: 'Check that the directory of the file exists and is writable.' });
  ctx.env.log.info('backup written', { file, refs: refs.length, notes });
  return {
    file,
    refs: refs.length + (notes ? 1 : 0),
    milestones: refs.filter((x) => x.startsWith(`${REF_ROOT}milestone/`)).length,
    notes,
    bytes: fs.statSync(file).size,
  };
}
