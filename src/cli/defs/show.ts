/** `git milestone show` */
import { showAsOf } from '../../core/history/showAsOf';
import { showMilestone, type ShownMilestone } from '../../core/showMilestone';
import type { MilestoneView } from '../../domain/views';
import type { CommandDef } from '../CommandDef';
import { bar, block, list, oneLine, short, table } from '../format';
import { idText, PLAIN, statusText, type TextStyle } from '../style';
import { conflictsText } from '../conflictsText';
import { listClaims } from '../../core/claim/listClaims';
import type { ClaimView } from '../../domain/claim/claimState';
import { claimsText } from './claim/claimsText';

const def: CommandDef<ShownMilestone & { claims?: ClaimView[] }> = {
  summary: 'Show one milestone with its tasks.',
  examples: ['git milestone show 3f2a9c1e', 'git milestone show milestone-001 --json', 'git milestone show 3f2a --as-of 2026-03-01'],
  args: [{ name: 'id', description: 'Milestone id, unique prefix or alias.', required: true }],
  flags: {
    'as-of': { type: 'string', description: 'The milestone as it stood then (YYYY-MM-DD: end of that day, UTC; or an ISO date-time).' },
  },
  async execute(ctx, input) {
    const asOf = input.flags['as-of'] as string | undefined;
    if (asOf !== undefined) return showAsOf(ctx, { id: input.args.id as string, asOf });
    const m = await showMilestone(ctx, { id: input.args.id as string });
    const claims = await listClaims(ctx, { milestone: m.id });
    return claims.length > 0 ? { ...m, claims } : m;
  },
  text: (m, _input, style) => [renderMilestone(m, style), claimsText(m.claims ?? [], Date.now())].filter(Boolean).join('\n\n'),
};
export default def;

export function renderMilestone(m: MilestoneView, style: TextStyle = PLAIN): string {
  const lines = [
    idText(style, `milestone ${m.id}`),
    `Title:    ${oneLine(m.title)}`,
    `Status:   ${statusText(style, m.status)}${m.archived ? ' (archived)' : ''}`,
    `Progress: ${bar(m.progress, 20, style)}`,
  ];
  if (m.priority) lines.push(`Priority: ${m.priority}`);
  if (m.category) lines.push(`Category: ${oneLine(m.category)}`);
  if (m.labels.length) lines.push(`Labels:   ${m.labels.map(oneLine).join(', ')}`);
  if (m.startDate || m.dueDate) lines.push(`Dates:    ${m.startDate ?? '?'} → ${m.dueDate ?? '?'}`);
  if (m.estimatedHours !== null) lines.push(`Estimate: ${m.estimatedHours} h`);
  if (m.aliases.length) lines.push(`Aliases:  ${m.aliases.map(oneLine).join(', ')}`);
  if (m.dependsOn.length) lines.push(`Needs:    ${m.dependsOn.map(short).join(', ')}`);
  const cycle = (m as Partial<ShownMilestone>).dependencyCycle;
  if (cycle) {
    lines.push(`Cycle:    ${cycle.map(short).join(' → ')} (concurrent edits merged into a dependency cycle;`
      + ` \`git milestone edit ${short(cycle[0])} --no-depends-on ${short(cycle[1])}\` breaks it)`);
  }
  lines.push(`Created:  ${m.created.at} by ${oneLine(m.created.by.name)}`);
  let out = `${lines.join('\n')}\n${conflictsText(m.conflicts, m.id)}`;
  if (m.description) out += `\n${block(m.description).replace(/^/gm, '    ')}\n`;
  out += `\n${list('Success criteria', m.successCriteria)}`;
  if (m.tasks.length === 0) return `${out}No tasks. Add one with \`git milestone task add ${short(m.id)} "<title>"\`.\n`;
  const rows = m.tasks.map((t) => [
    idText(style, short(t.id)), statusText(style, t.status), oneLine(t.assignee ?? ''), t.dependsOn.map(short).join(','), oneLine(t.title),
  ]);
  return `${out}Tasks:\n${table(rows, ['ID', 'STATUS', 'ASSIGNEE', 'DEPENDS ON', 'TITLE'], style)}\n`;
}
