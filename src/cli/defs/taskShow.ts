/** `git milestone task show` */
import { showTask } from '../../core/showTask';
import type { TaskCommit } from '../../core/commits/taskCommits';
import type { TaskView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { conflictsText } from '../conflictsText';
import { block, oneLine, short } from '../format';
import { idText, statusText } from '../style';
import { phasesText } from './workflow/phaseText';
import { readClaim } from '../../core/claim/claimEntity';
import { claimView, type ClaimView } from '../../domain/claim/claimState';
import { holderText } from './claim/claimsText';

const def: CommandDef<TaskView & { commits: TaskCommit[]; claim?: ClaimView }> = {
  summary: 'Show one task.',
  examples: ['git milestone task show 9c1e', 'git milestone task show 9c1e --json'],
  args: [{ name: 'task', description: 'Task id or unique prefix.', required: true }],
  async execute(ctx, input) {
    const t = await showTask(ctx, { task: input.args.task as string });
    const claim = await readClaim(ctx, t.id);
    return claim && !claim.released ? { ...t, claim: claimView(claim) } : t;
  },
  text(t, _input, style) {
    const lines = [
      idText(style, `task ${t.id}`),
      `Milestone: ${short(t.milestoneId)}`,
      `Title:     ${oneLine(t.title)}`,
      `Status:    ${statusText(style, t.status)} (${t.progress}%)`,
    ];
    if (t.assignee) lines.push(`Assignee:  ${oneLine(t.assignee)}`);
    if (t.claim) lines.push(`Claim:     ${holderText(t.claim, Date.now())}`);
    if (t.estimatedHours !== null) lines.push(`Estimate:  ${t.estimatedHours} h`);
    if (t.dependsOn.length) lines.push(`Depends on: ${t.dependsOn.map(short).join(', ')}`);
    if (t.startedAt) lines.push(`Started:   ${t.startedAt}`);
    if (t.completedAt) lines.push(`Completed: ${t.completedAt}`);
    if (t.workflow) lines.push(phasesText(t));
    if (t.commits.length) lines.push('Commits:', ...t.commits.map((c) => `  ${c.commit.slice(0, 10)} ${c.subject === null ? '(commit not found)' : oneLine(c.subject)}`));
    const conflicts = conflictsText(t.conflicts.map((c) => ({ ...c, task: t.id })), t.milestoneId);
    return `${lines.join('\n')}${t.description ? `\n\n${block(t.description).replace(/^/gm, '    ')}` : ''}${conflicts ? `\n\n${conflicts}` : ''}`;
  },
};
export default def;
