/**
 * Which tool's plan a project holds (`--from-format auto`), and reading it with that format's
 * reader. Kiro and cc-sdd share `.kiro/specs/`: a spec.json with `approvals` makes it cc-sdd.
 */
import { MilestoneError } from '../../../errors/MilestoneError';
import type { SourceFormat, SourcePlan } from '../../../import/plan';
import type { Context } from '../../context';
import { backlogDir, readBacklog } from './readBacklog';
import { hasTaskMaster, readTaskMaster } from './readTaskMaster';
import { hasApprovals, kiroSpecsDir, readKiro } from './readKiro';
import { readSpecKit, specKitDir } from './readSpecKit';
import { SourceReader } from './sourceFiles';

/** The formats found under a project root (or a tool folder given directly). */
export function detectFormats(ctx: Context, root: string): SourceFormat[] {
  const out: SourceFormat[] = [];
  const specs = kiroSpecsDir(root);
  if (specs) out.push(hasApprovals(new SourceReader(ctx, root), specs) ? 'cc-sdd' : 'kiro');
  if (specKitDir(root) && !specs) out.push('spec-kit');
  if (backlogDir(root)) out.push('backlog');
  if (hasTaskMaster(new SourceReader(ctx, root), root)) out.push('task-master');
  return out;
}

export function readSource(ctx: Context, format: SourceFormat, root: string): SourcePlan {
  if (format === 'kiro' || format === 'cc-sdd') return readKiro(ctx, root, format);
  if (format === 'spec-kit') return readSpecKit(ctx, root);
  if (format === 'backlog') return readBacklog(ctx, root);
  if (format === 'task-master') return readTaskMaster(ctx, root);
  throw new MilestoneError('USAGE', `importing ${format} is not available yet`);
}
