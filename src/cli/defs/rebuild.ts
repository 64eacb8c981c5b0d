/** `git milestone rebuild` */
import { rebuildIndex, type RebuildResult } from '../../core/rebuildIndex';
import { BACKENDS } from '../../domain/scaleDecision';
import type { CommandDef } from '../CommandDef';

const def: CommandDef<RebuildResult> = {
  summary: 'Recreate the derived caches from the refs (nothing is lost by deleting them).',
  description: `With no --backend: the file index, and the backend scale selection picks when that is another one (the metrics its thresholds use are recalculated; scale --recalculate does all). --backend postgresql re-syncs this repository's rows in the portfolio database.`,
  examples: ['git milestone rebuild', 'git milestone rebuild --json', 'git milestone rebuild --backend sqlite', 'git milestone rebuild --backend postgresql'],
  flags: {
    backend: { type: 'string', options: BACKENDS, description: 'Rebuild only this index: file, sqlite or postgresql.' },
  },
  execute: (ctx, input) => rebuildIndex(ctx, { backend: input.flags.backend as string | undefined }),
  text: (r) =>
    `Rebuilt the ${r.backend} index: ${r.total} milestone${r.total === 1 ? '' : 's'} in ${r.elapsedMs} ms.` +
    (r.errors.length ? `\n${r.errors.map((e) => `warning: ${e.message}`).join('\n')}` : ''),
  exitCode: (r) => (r.errors.length > 0 ? 1 : 0),
};
export default def;
