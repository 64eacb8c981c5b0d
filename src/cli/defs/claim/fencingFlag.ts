/**
 * `--fencing N` on the commands that report a claimed task's result (task start|done|block|edit,
 * phase …): the writer presents the fencing number of its claim, and the write is refused
 * (STALE_FENCING, exit 14) when the lease was taken over since. MILESTONE_FENCING does the same.
 */
import type { Context } from '../../../core/context';
import type { CommandDef, FlagDef, Input } from '../../CommandDef';

export const FENCING_FLAG: FlagDef = {
  type: 'integer',
  description: 'The fencing number of your claim on the task (as MILESTONE_FENCING): refused if the lease was taken over.',
};

/** The definition with --fencing, which its execute presents before writing. */
export function withFencing<R>(def: CommandDef<R>): CommandDef<R> {
  return {
    ...def,
    flags: { ...def.flags, fencing: FENCING_FLAG },
    execute(ctx: Context, input: Input) {
      if (input.flags.fencing !== undefined) ctx.fencing = input.flags.fencing as number;
      return def.execute(ctx, input);
    },
  };
}
