/** `git milestone workflow list` */
import { formatIssue } from '../../../config/formatIssue';
import { listWorkflows, type WorkflowListResult } from '../../../core/workflow/listWorkflows';
import type { CommandDef } from '../../CommandDef';
import { oneLine, table } from '../../format';

const def: CommandDef<WorkflowListResult> = {
  summary: 'List the workflows: the built-in kiro and those in .milestones/workflows/.',
  description: 'A workflow file with errors defines nothing; its errors are shown (file, line, key) '
    + 'and the others stay usable.',
  examples: ['git milestone workflow list', 'git milestone workflow list --json'],
  execute: async (ctx) => listWorkflows(ctx),
  text: (r, _input, style) => [
    table(r.workflows.map((w) => [
      w.name,
      w.phases.map((p) => `${p.name} ${p.weight}%${p.needsApproval ? '*' : ''}`).join(' → '),
      oneLine(w.source),
    ]), ['WORKFLOW', 'PHASES (* needs approval)', 'SOURCE'], style),
    ...r.problems.flatMap((f) => [
      ...f.errors.map((e) => `error: ${oneLine(formatIssue(e))}`),
      ...f.warnings.map((w) => `warning: ${oneLine(formatIssue(w))}`),
    ]),
  ].join('\n'),
};
export default def;
