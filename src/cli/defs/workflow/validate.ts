/** `git milestone workflow validate [FILE...]` */
import { formatIssue } from '../../../config/formatIssue';
import {
  validateWorkflowFiles, type WorkflowValidateResult,
} from '../../../core/workflow/validateWorkflowFiles';
import type { CommandDef } from '../../CommandDef';
import { oneLine } from '../../format';

const def: CommandDef<WorkflowValidateResult> = {
  summary: 'Check workflow files and milestone templates; exit 1 if any has errors.',
  description: 'Without FILE: every .milestones/workflows/*.yaml and .milestones/templates/*.yaml. '
    + 'A FILE in a folder named templates is checked as a milestone template, any other as a workflow. '
    + 'Each error names file, line and key.',
  examples: [
    'git milestone workflow validate',
    'git milestone workflow validate .milestones/workflows/review-light.yaml --json',
  ],
  args: [{ name: 'file', description: 'Files to check (any number).' }],
  variadic: true,
  execute: async (ctx, input) => validateWorkflowFiles(ctx, {
    files: [input.args.file, ...input.rest].filter((f): f is string => f !== undefined),
  }),
  text: (r) => [
    ...r.files.flatMap((f) => [
      ...f.errors.map((e) => `error: ${oneLine(formatIssue(e))}`),
      ...f.warnings.map((w) => `warning: ${oneLine(formatIssue(w))}`),
      `${oneLine(f.file)}: ${f.errors.length === 0 ? 'valid' : `${f.errors.length} error(s)`}`,
    ]),
    ...(r.files.length === 0 ? ['no workflow or template files'] : []),
  ].join('\n'),
  exitCode: (r) => (r.ok ? 0 : 1),
};
export default def;
