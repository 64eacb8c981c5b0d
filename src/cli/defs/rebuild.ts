/** `git milestone rebuild` */
import { rebuildIndex, type RebuildResult } from '../../core/rebuildIndex';
import type { CommandDef } from '../CommandDef';

const def: CommandDef<RebuildResult> = {
  id: 'rebuild',
  summary: 'Recreate the derived caches from the refs (nothing is lost by deleting them).',
  examples: ['git milestone rebuild', 'git milestone rebuild --json'],
  execute: (ctx) => rebuildIndex(ctx),
  text: (r) =>
    `Rebuilt the ${r.backend} index: ${r.total} milestone${r.total === 1 ? '' : 's'} in ${r.elapsedMs} ms.` +
    (r.errors.length ? `\n${r.errors.map((e) => `warning: ${e.message}`).join('\n')}` : ''),
  exitCode: (r) => (r.errors.length > 0 ? 1 : 0),
};
export default def;
