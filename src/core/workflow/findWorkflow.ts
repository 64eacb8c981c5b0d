/**
 * The one way a use case looks a workflow up by name: built in or from
 * `.milestones/workflows/<name>.yaml` (loadWorkflows). An unknown name lists the known ones; a
 * file with errors is CONFIG_INVALID carrying every issue (file, line, key), never half-used.
 */
import { formatIssue } from '../../config/formatIssue';
import type { WorkflowDef } from '../../domain/workflow/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { loadWorkflows } from './loadWorkflows';

export function findWorkflow(ctx: Context, name: string): WorkflowDef {
  const loaded = loadWorkflows(ctx);
  const found = loaded.workflows.find((w) => w.name === name);
  if (found) return found;
  const broken = loaded.files.find((f) => f.name === name && f.errors.length > 0);
  if (broken) {
    const more = broken.errors.length > 1 ? ` (and ${broken.errors.length - 1} more)` : '';
    const message = `invalid workflow file: ${formatIssue(broken.errors[0])}${more}`;
    throw new MilestoneError('CONFIG_INVALID', message, {
      hint: `Fix ${broken.file}, then check it with \`git milestone workflow validate\`.`,
      data: { issues: broken.errors },
    });
  }
  const known = loaded.workflows.map((w) => w.name);
  throw new MilestoneError('NOT_FOUND', `unknown workflow "${name}" (known: ${known.join(', ')})`, {
    hint: `Define it in .milestones/workflows/${name}.yaml; `
      + '`git milestone workflow list` shows the known ones.',
    data: { name, known },
  });
}
