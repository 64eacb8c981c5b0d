/**
 * Which tools' plans a project holds (`--from-format auto`: all five, several at once), and reading
 * each with its format's reader. Kiro and cc-sdd share `.kiro/specs/`: a spec.json with `approvals`
 * makes it cc-sdd. A `specs/` folder given directly is Kiro's when its features hold requirements.md,
 * design.md or spec.json, else spec-kit's; task-master's file is taken only in its own shape.
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
  const sk = specKitDir(root);
  if (sk && sk !== specs) out.push('spec-kit');
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
