/** `git milestone workflow show NAME` */
import { showWorkflow } from '../../../core/workflow/showWorkflow';
import type { PhaseDef, WorkflowDef } from '../../../domain/workflow/types';
import type { CommandDef } from '../../CommandDef';
import { oneLine } from '../../format';

const gate = (p: PhaseDef): string =>
  p.needsApproval ? `, needs approval${p.approvers.length > 0 ? ` by ${p.approvers.join(', ')}` : ''}` : '';

const def: CommandDef<WorkflowDef> = {
  summary: 'Show one workflow: its phases, weights, gates, deliverables and timeouts.',
  examples: ['git milestone workflow show kiro', 'git milestone workflow show review-light --json'],
  args: [{
    name: 'name',
    description: 'Workflow name: kiro, or the base name of a .milestones/workflows/ file.',
    required: true,
  }],
  execute: async (ctx, input) => showWorkflow(ctx, { name: input.args.name as string }),
  text: (w) => [
    oneLine(`${w.name}${w.description ? `: ${w.description}` : ''} (${w.source})`),
    ...w.phases.flatMap((p) => [
      oneLine(`  ${p.name} ${p.weight}%${gate(p)}${p.timeout ? `, timeout ${p.timeout}` : ''}`),
      ...p.deliverables.map((d) => {
        const notes = `${d.required ? '' : ' (optional)'}${d.template === undefined ? '' : ' [template]'}`;
        return oneLine(`    ${d.path}${notes}`);
      }),
    ]),
  ].join('\n'),
};
export default def;
