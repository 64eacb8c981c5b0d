/** `git milestone portfolio` */
import { portfolio, type PortfolioResult } from '../../core/portfolio';
import type { CommandDef } from '../CommandDef';
import { bar, oneLine, short, table } from '../format';
import { idText, paint, PLAIN, statusText, type TextStyle } from '../style';

const paintName = (style: TextStyle, name: string): string => paint(style, 'bold', name);

function render(r: PortfolioResult, style: TextStyle = PLAIN): string {
  if (r.repositories.length === 0) return 'No repositories in the portfolio database yet.';
  const out: string[] = [];
  for (const repo of r.repositories) {
    const count = `${repo.doneCount}/${repo.taskCount} tasks, ${repo.milestoneCount} milestone${repo.milestoneCount === 1 ? '' : 's'}`;
    out.push(`${paintName(style, oneLine(repo.name))}  ${bar(repo.progress, 10, style)}  ${count}  (${oneLine(repo.path)})`);
    if (repo.milestones.length > 0) {
      const rows = repo.milestones.map((m) => [
        idText(style, short(m.id)), statusText(style, m.status), bar(m.progress, 10, style), `${m.doneCount}/${m.taskCount}`,
        m.dueDate?.slice(0, 10) ?? '', oneLine(m.title),
      ]);
      const inset = style.width === undefined ? style : { ...style, width: style.width - 2 };
      out.push(table(rows, ['ID', 'STATUS', 'PROGRESS', 'TASKS', 'DUE', 'TITLE'], inset).replace(/^/gm, '  '));
    }
    out.push('');
  }
  out.push(r.blockedTasks.length === 0 ? 'Blocked tasks: none' : 'Blocked tasks:');
  for (const t of r.blockedTasks) {
    const why = t.status === 'blocked' ? 'blocked' : `waits for ${t.waitingOn} task${t.waitingOn === 1 ? '' : 's'}`;
    out.push(`  ${oneLine(t.repository)}  ${short(t.taskId)}  ${oneLine(t.title)}  (${why}; ${oneLine(t.milestoneTitle)}${t.assignee ? `; ${oneLine(t.assignee)}` : ''})`);
  }
  out.push(r.dueSoon.length === 0 ? `Due within ${r.days} days: none` : `Due within ${r.days} days:`);
  for (const d of r.dueSoon) {
    const overdue = d.overdue ? ` ${paint(style, 'red', 'OVERDUE')}` : '';
    out.push(`  ${d.dueDate.slice(0, 10)}${overdue}  ${oneLine(d.repository)}  ${short(d.milestoneId)}  ${oneLine(d.title)}  ${d.progress}%`);
  }
  return out.join('\n');
}

const def: CommandDef<PortfolioResult> = {
  summary: 'Progress, blocked tasks and due dates across every repository in the PostgreSQL portfolio database.',
  description: `Needs index.postgresql.url (or DATABASE_URL). This repository is synced first; each other repository is as fresh as its last sync (any command on the postgresql backend there, or \`rebuild --backend postgresql\`). Words after the command are a query, as for \`list\` (label:backend status:in_progress,blocked 'due:<2026-12-31' …).`,
  examples: ['git milestone portfolio', 'git milestone portfolio --json', 'git milestone portfolio label:backend -status:completed --days 30'],
  variadic: true,
  flags: {
    all: { type: 'boolean', char: 'a', description: 'Include archived milestones.' },
    days: { type: 'integer', description: 'What "due soon" means, in days (default 14).' },
    limit: { type: 'integer', char: 'n', description: 'At most this many milestones per repository.' },
  },
  execute: (ctx, input) =>
    portfolio(ctx, {
      filter: { query: input.rest, all: Boolean(input.flags.all), limit: input.flags.limit as number | undefined },
      days: input.flags.days as number | undefined,
    }),
  text: (r, _input, style) => render(r, style),
};
export default def;
