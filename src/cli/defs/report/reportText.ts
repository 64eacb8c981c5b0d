/** A report as text (for a terminal) and as CSV (one long table: metric, date, author, value). */
import type { Report } from '../../../domain/report/types';
import { bar, oneLine, short, table } from '../../format';
import type { TextStyle } from '../../style';

export function reportText(r: Report, style: TextStyle): string {
  const p = r.progress;
  const name = r.milestones.length === 1 ? `${short(r.milestones[0].id)} ${oneLine(r.milestones[0].title)}` : `${r.milestones.length} milestones`;
  const shown = r.burndown.days.filter((d) => d.remainingTasks !== null).slice(-14);
  const lines = [
    `Report: ${name}`,
    `Progress:   ${bar(p.percent, 20, style)}  ${p.completed}/${p.tasks} tasks done, ${p.inProgress} in progress, `
      + `${p.blocked} blocked, ${p.pending} pending, ${p.cancelled} cancelled; ${p.remainingHours} of ${p.estimatedHours} h left`,
    `Velocity:   ${r.velocity.meanPerWeek} tasks per week`,
    `Cycle time: ${days(r.cycleTime.medianDays)} median, ${days(r.cycleTime.p85Days)} 85th percentile (${r.cycleTime.count} tasks)`,
    `Lead time:  ${days(r.leadTime.medianDays)} median, ${days(r.leadTime.p85Days)} 85th percentile (${r.leadTime.count} tasks)`,
    `Throughput: ${r.throughput.completed} tasks in ${r.throughput.days} days (${r.throughput.perDay} per day, ${r.throughput.perWeek} per week)`,
    '',
    `Burndown (since ${r.burndown.start}${r.burndown.dueDate ? `, due ${r.burndown.dueDate}` : ''}; last ${shown.length} days):`,
    table(shown.map((d) => [d.date, String(d.remainingTasks), String(d.remainingHours), d.idealTasks === null ? '' : String(d.idealTasks)]),
      ['DAY', 'TASKS LEFT', 'HOURS LEFT', 'IDEAL'], style),
    '',
    'Velocity by week:',
    table(r.velocity.weeks.slice(-8).map((w) => [w.week, String(w.completed), w.byAuthor.map((a) => `${oneLine(a.name)} ${a.completed}`).join(', ')]),
      ['WEEK', 'DONE', 'BY AUTHOR'], style),
  ];
  return `${lines.join('\n')}\n`;
}

const days = (x: number | null) => (x === null ? '–' : `${x} d`);

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(r: Report): string {
  const rows: Array<Array<string | number | null>> = [['metric', 'date', 'author', 'value']];
  for (const [k, v] of Object.entries(r.progress)) rows.push([`progress.${k}`, null, null, v]);
  for (const d of r.burndown.days) {
    for (const k of ['remainingTasks', 'remainingHours', 'idealTasks', 'idealHours'] as const) rows.push([`burndown.${k}`, d.date, null, d[k]]);
  }
  for (const w of r.velocity.weeks) {
    rows.push(['velocity.completed', w.week, null, w.completed]);
    for (const a of w.byAuthor) rows.push(['velocity.completed', w.week, `${a.name} <${a.email}>`, a.completed]);
  }
  for (const [name, d] of [['cycleTime', r.cycleTime], ['leadTime', r.leadTime]] as const) {
    rows.push([`${name}.count`, null, null, d.count], [`${name}.medianDays`, null, null, d.medianDays], [`${name}.p85Days`, null, null, d.p85Days]);
  }
  for (const d of r.throughput.daily) rows.push(['throughput.completed', d.date, null, d.completed]);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
