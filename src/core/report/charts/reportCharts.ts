/**
 * The report's charts as SVG (one per figure), and all of them stacked in one SVG document for
 * `report --format svg`. Plain functions of a Report, so the web board can draw the same charts.
 */
import type { DurationStats, Report } from '../../../domain/report/types';
import { barChart } from './barChart';
import { lineChart } from './lineChart';
import { HEIGHT, PALETTE, WIDTH } from './svg';

export type ChartName = 'burndown' | 'velocity' | 'cycleTime' | 'leadTime' | 'throughput';

function durationChart(title: string, d: DurationStats): string {
  const rules = [
    ...(d.medianDays === null ? [] : [{ label: 'median', color: '#3ca951', value: d.medianDays }]),
    ...(d.p85Days === null ? [] : [{ label: '85th pct', color: '#ff725c', value: d.p85Days }]),
  ];
  const sorted = [...d.tasks].sort((a, b) => a.days - b.days);
  return barChart(title, sorted.map((t) => t.task.slice(0, 6)), [{ label: 'days', color: PALETTE[0], values: sorted.map((t) => t.days) }], 'days per task', rules);
}

export function reportCharts(r: Report): Record<ChartName, string> {
  const days = r.burndown.days;
  const labels = days.map((d) => d.date.slice(5));
  const authors = [...new Set(r.velocity.weeks.flatMap((w) => w.byAuthor.map((a) => a.name)))].sort();
  return {
    burndown: lineChart('Burndown: remaining tasks', labels, [
      { label: 'remaining', color: PALETTE[0], values: days.map((d) => d.remainingTasks) },
      { label: 'hours', color: PALETTE[1], values: days.map((d) => d.remainingHours) },
      { label: 'ideal', color: '#999', values: days.map((d) => d.idealTasks), dashed: true },
    ], 'tasks (and estimated hours) per day'),
    velocity: barChart('Velocity: tasks completed per week', r.velocity.weeks.map((w) => w.week.slice(5)),
      authors.map((name, i) => ({
        label: name, color: PALETTE[i % PALETTE.length],
        values: r.velocity.weeks.map((w) => w.byAuthor.filter((a) => a.name === name).reduce((s, a) => s + a.completed, 0)),
      })), 'tasks per week, by author'),
    cycleTime: durationChart('Cycle time (start → done)', r.cycleTime),
    leadTime: durationChart('Lead time (created → done)', r.leadTime),
    throughput: barChart('Throughput: tasks completed per day', r.throughput.daily.map((d) => d.date.slice(5)),
      [{ label: 'completed', color: PALETTE[4], values: r.throughput.daily.map((d) => d.completed) }], 'tasks per day'),
  };
}

/** Every chart, one under the other, in one SVG document. */
export function reportSvg(r: Report): string {
  const charts = Object.values(reportCharts(r));
  const height = HEIGHT * charts.length;
  const nested = charts.map((svg, i) => svg.replace('<svg ', `<svg y="${HEIGHT * i}" `));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    ...nested,
    '</svg>',
  ].join('\n');
}
