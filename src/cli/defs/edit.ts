/** `git milestone edit` (alias `update`) */
import { editMilestone } from '../../core/editMilestone';
import type { Changed } from '../../core/milestoneAccess';
import type { MilestoneView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { oneLine, short } from '../format';
import { milestoneFieldFlags, milestoneFieldsFrom } from './milestoneFlags';

const def: CommandDef<Changed<MilestoneView>> = {
  summary: 'Change a milestone: title, status, labels, dates and more.',
  description: 'Only what actually changes is written, as one operation pack. Concurrent edits from other clones merge; see `git milestone log` for who changed what.',
  examples: [
    'git milestone edit 3f2a --status in_progress',
    'git milestone edit 3f2a --title "Ship the parser v2" --label parser --label q4 --unlabel later',
    'git milestone update milestone-001 --due 2026-12-31 --json',
    'git milestone edit 3f2a --depends-on 9b1c   # 3f2a waits for milestone 9b1c',
    'git milestone edit 3f2a --workflow kiro     # its new tasks follow kiro (none: no workflow)',
  ],
  args: [{ name: 'id', description: 'Milestone id, unique prefix or alias.', required: true }],
  flags: {
    title: { type: 'string', char: 't', description: 'New title.' },
    ...milestoneFieldFlags,
    label: { type: 'string', multiple: true, description: 'Label to add (repeatable).' },
    unlabel: { type: 'string', multiple: true, description: 'Label to remove (repeatable).' },
    'depends-on': { type: 'string', multiple: true, description: 'Another milestone this one depends on (repeatable).' },
    'no-depends-on': { type: 'string', multiple: true, description: 'Drop a dependency on another milestone (repeatable).' },
    workflow: { type: 'string', description: 'Workflow its new tasks follow (a known workflow), or none.' },
  },
  execute: (ctx, input) =>
    editMilestone(ctx, {
      id: input.args.id as string,
      fields: { title: input.flags.title, ...milestoneFieldsFrom(input.flags) },
      addLabels: input.flags.label as string[] | undefined,
      removeLabels: input.flags.unlabel as string[] | undefined,
      addDependsOn: input.flags['depends-on'] as string[] | undefined,
      removeDependsOn: input.flags['no-depends-on'] as string[] | undefined,
      workflow: input.flags.workflow as string | undefined,
    }),
  text: (m) => (m.changed
    ? `Updated milestone ${short(m.id)} ${oneLine(m.title)} (${m.status})`
    : `Nothing changed: milestone ${short(m.id)} ${oneLine(m.title)} already has those values.`),
};
export default def;
