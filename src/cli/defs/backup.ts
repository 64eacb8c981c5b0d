/** `git milestone backup [FILE] [--verify]` and `git milestone restore FILE` */
import { backupMilestones, type BackupResult } from '../../core/backup/backupMilestones';
import { restoreMilestones, type RestoreResult } from '../../core/backup/restoreMilestones';
import { verifyBackup, type VerifyResult } from '../../core/backup/verifyBackup';
import { MilestoneError } from '../../errors/MilestoneError';
import type { CommandDef } from '../CommandDef';
import { mergedText } from './sync';

type BackupOrVerify = BackupResult | VerifyResult;
const isVerify = (r: BackupOrVerify): r is VerifyResult => 'ok' in r;

export const backup: CommandDef<BackupOrVerify> = {
  summary: 'Write every milestone and the notes to a git bundle file (or check one with --verify).',
  description: 'The bundle holds refs/milestones/* and refs/notes/milestones with their complete history; `git milestone restore FILE` brings it into any clone. Without FILE the name is milestones-<UTC timestamp>.bundle in the current directory.',
  examples: ['git milestone backup', 'git milestone backup ~/backups/plan.bundle', 'git milestone backup --verify ~/backups/plan.bundle'],
  args: [{ name: 'file', description: 'The bundle to write (or to check with --verify).' }],
  flags: { verify: { type: 'boolean', description: 'Check FILE instead of writing one: a valid bundle holding milestones.' } },
  execute: async (ctx, input) => {
    if (!input.flags.verify) return backupMilestones(ctx, { file: input.args.file });
    if (!input.args.file) throw new MilestoneError('USAGE', 'backup --verify needs the FILE to check', { hint: 'git milestone backup --verify <file>' });
    return verifyBackup(ctx, { file: input.args.file });
  },
  text: (r) => (isVerify(r)
    ? r.ok
      ? `${r.file} is a valid backup: ${r.milestones} milestone${r.milestones === 1 ? '' : 's'}${r.notes ? ' and notes' : ''}.`
      : `${r.file} is not a usable backup: ${r.problems.join('; ')}`
    : `Wrote ${r.file} (${r.milestones} milestone${r.milestones === 1 ? '' : 's'}${r.notes ? ' and notes' : ''}, ${r.bytes} bytes). Restore with \`git milestone restore ${r.file}\`.`),
  exitCode: (r) => (isVerify(r) && !r.ok ? 1 : 0),
};

export const restore: CommandDef<RestoreResult> = {
  summary: 'Bring a backup bundle into this clone, merging it with what is here.',
  description: 'Verifies the bundle, then merges every milestone in it like fetched ones: new ones are added, older local ones fast-forwarded, diverged ones merged (concurrent edits kept as conflicts); notes are merged line by line. Nothing local is overwritten.',
  examples: ['git milestone restore milestones-20261124-153000.bundle'],
  args: [{ name: 'file', description: 'The bundle written by `git milestone backup`.', required: true }],
  execute: (ctx, input) => restoreMilestones(ctx, { file: input.args.file as string }),
  text: (r) => `Restored from ${r.file}. ${mergedText({ ...r, remotes: [], notes: { backup: r.notes } })}\n${r.total} milestone${r.total === 1 ? '' : 's'} in total.`,
  exitCode: (r) => (r.errors.length > 0 ? 1 : 0),
};
