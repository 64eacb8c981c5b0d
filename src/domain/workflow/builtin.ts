/**
 * The built-in `kiro` workflow of the system git-milestone replaces (../shared/legacy-format.md):
 * design 15, spec 25, task 20, execute 40; design and spec need approval by default.
 */
import type { PhaseDef, WorkflowDef } from './types';

const doc = (phase: string): PhaseDef['deliverables'] => [
  {
    path: `docs/milestones/{{milestone}}/{{task}}/${phase}.md`,
    required: true,
    template: `# {{title}}: ${phase}\n\n`,
  },
];

export const KIRO_WORKFLOW: WorkflowDef = {
  name: 'kiro',
  description: 'design → spec → task → execute, with approval of design and spec',
  source: 'builtin',
  phases: [
    { name: 'design', weight: 15, needsApproval: true, approvers: [], deliverables: doc('design') },
    { name: 'spec', weight: 25, needsApproval: true, approvers: [], deliverables: doc('spec') },
    { name: 'task', weight: 20, needsApproval: false, approvers: [], deliverables: doc('task') },
    { name: 'execute', weight: 40, needsApproval: false, approvers: [], deliverables: [] },
  ],
};

export const BUILTIN_WORKFLOWS: readonly WorkflowDef[] = [KIRO_WORKFLOW];
