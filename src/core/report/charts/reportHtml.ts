/** One self-contained HTML page with every figure and chart of a report: inline CSS and SVG, no script, no CDN. */
import type { DurationStats, Report } from '../../../domain/report/types';
import { reportCharts } from './reportCharts';
import { esc } from './svg';

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:680px;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse}
td,th{padding:2px 10px;text-align:right;border-bottom:1px solid #eee}th:first-child,td:first-child{text-align:left}
figure{margin:1rem 0}svg{max-width:100%;height:auto}`;

const row = (cells: Array<string | number | null>) => `<tr>${cells.map((c) => `<td>${esc(String(c ?? '–'))}</td>`).join('')}</tr>`;
const duration = (name: string, d: DurationStats) => row([name, d.count, d.medianDays, d.p85Days]);

export function reportHtml(r: Report): string {
  const title = r.milestones.length === 1 ? r.milestones[0].title : `${r.milestones.length} milestones`;
  const p = r.progress;
  const charts = reportCharts(r);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Report: ${esc(title)}</title><style>${CSS}</style></head>
<body>
<h1>Report: ${esc(title)}</h1>
<p>Generated ${esc(r.generatedAt)} from the operation history.</p>
<h2>Progress</h2>
<table><tr><th>progress</th><th>tasks</th><th>completed</th><th>in progress</th><th>blocked</th><th>pending</th><th>cancelled</th><th>hours left</th></tr>
${row([`${p.percent} %`, p.tasks, p.completed, p.inProgress, p.blocked, p.pending, p.cancelled, `${p.remainingHours} / ${p.estimatedHours}`])}</table>
<h2>Burndown</h2><figure>${charts.burndown}</figure>
<h2>Velocity</h2><p>${r.velocity.meanPerWeek} tasks per week on average.</p><figure>${charts.velocity}</figure>
<h2>Cycle and lead time</h2>
<table><tr><th></th><th>tasks</th><th>median (days)</th><th>85th percentile (days)</th></tr>
${duration('cycle time (start → done)', r.cycleTime)}${duration('lead time (created → done)', r.leadTime)}</table>
<figure>${charts.cycleTime}</figure><figure>${charts.leadTime}</figure>
<h2>Throughput</h2><p>${r.throughput.completed} tasks in ${r.throughput.days} days: ${r.throughput.perDay} per day, ${r.throughput.perWeek} per week.</p>
<figure>${charts.throughput}</figure>
</body></html>
`;
}
