/**
 * checkWorkflowFile: a custom 3-phase workflow becomes a WorkflowDef; a YAML syntax error, a schema
 * error and weights not summing to 100 each come back with file, line and key; kiro.yaml is refused.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/config/formatIssue';
import { checkWorkflowFile } from '../../../src/core/workflow/checkWorkflowFile';

const FILE = '.milestones/workflows/light.yaml';
const THREE = [
  'description: Plan, build, ship',
  'phase_timeout: 48h',
  'phases:',
  '  - name: plan',
  '    weight: 30',
  '    gate: { needs_approval: true, approvers: [lead, qa] }',
  '    deliverables:',
  '      - template_file: text/plan.md',
  '      - path: docs/{{task}}/notes.md',
  '        required: false',
  '        template: "# notes\\n"',
  '  - name: build',
  '    weight: 50',
  '  - name: ship',
  '    weight: 20',
  '    timeout: 3d',
  '',
].join('\n');
const templates: Record<string, string> = { 'text/plan.md': '# {{title}}: plan\n' };
const check = (text: string, file = FILE) => checkWorkflowFile({ file, text, readTemplate: (rel) => templates[rel] ?? null });
const lines = (text: string, file = FILE) => check(text, file).errors.map(formatIssue);

describe('checkWorkflowFile', () => {
  it('builds a 3-phase workflow: gates, deliverables with inline and file templates, timeouts', () => {
    const r = check(THREE);
    expect(r.errors).toEqual([]);
    expect(r.workflow).toEqual({
      name: 'light',
      description: 'Plan, build, ship',
      source: FILE,
      phases: [
        {
          name: 'plan', weight: 30, needsApproval: true, approvers: ['lead', 'qa'], timeout: '48h',
          deliverables: [
            { path: 'docs/milestones/{{milestone}}/{{task}}/plan.md', required: true, template: '# {{title}}: plan\n' },
            { path: 'docs/{{task}}/notes.md', required: false, template: '# notes\n' },
          ],
        },
        { name: 'build', weight: 50, needsApproval: false, approvers: [], deliverables: [], timeout: '48h' },
        { name: 'ship', weight: 20, needsApproval: false, approvers: [], deliverables: [], timeout: '3d' },
      ],
    });
  });

  it('a YAML syntax error names file, line and column', () => {
    expect(lines('phases:\n  - name: a\n    weight: [30\n')[0]).toMatch(/^\.milestones\/workflows\/light\.yaml:\d+:\d+: /);
    expect(check('phases:\n  - name: a\n    weight: [30\n').workflow).toBeUndefined();
  });

  it('schema errors name file, line and dotted key', () => {
    const text = THREE.replace('    weight: 50', '    weight: fifty').replace('    timeout: 3d', '    timeout: soon\n    colour: red');
    expect(lines(text)).toEqual([
      `${FILE}:13: phases.1.weight: expected integer, got "fifty"`,
      expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}:16: phases\\.2\\.timeout: must match pattern`)),
      `${FILE}:17: phases.2.colour: unknown key`,
    ]);
    expect(lines('description: x\n')).toEqual([`${FILE}:1: missing required key phases`]);
  });

  it('weights not summing to 100 is an error naming the file and the weights', () => {
    expect(lines(THREE.replace('weight: 20', 'weight: 25'))).toEqual([
      `${FILE}:3: phases: phase weights sum to 105, not 100 (plan 30, build 50, ship 25)`,
    ]);
  });

  it('refuses a duplicate phase, a missing or escaping template file, and kiro.yaml', () => {
    expect(lines(THREE.replace('name: ship', 'name: plan'))).toEqual([`${FILE}:14: phases.2.name: phase "plan" appears twice`]);
    expect(lines(THREE.replace('text/plan.md', 'text/none.md'))[0]).toMatch(/light\.yaml:8: phases\.0\.deliverables\.0\.template_file: .* not found/);
    expect(lines(THREE.replace('text/plan.md', '../../secret.md'))[0]).toMatch(/:8: .*template_file: \.\.\/\.\.\/secret\.md is outside/);
    const kiro = lines(THREE, '.milestones/workflows/kiro.yaml');
    expect(kiro[0]).toMatch(/kiro\.yaml:1: kiro is the built-in workflow and cannot be redefined/);
  });
});
