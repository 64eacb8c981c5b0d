/** `git milestone report [MILESTONE]` */
import { milestoneReport } from '../../../core/report/milestoneReport';
import { reportSvg } from '../../../core/report/charts/reportCharts';
import { reportHtml } from '../../../core/report/charts/reportHtml';
import type { Report } from '../../../domain/report/types';
import { MilestoneError } from '../../../errors/MilestoneError';
import type { CommandDef } from '../../CommandDef';
import { reportCsv, reportText } from './reportText';

export const REPORT_FORMATS = ['text', 'json', 'csv', 'svg', 'html'] as const;

const def: CommandDef<Report> = {
  summary: 'Progress, burndown, velocity, cycle and lead time, throughput: from the operation history.',
  description: `Computes every figure from the milestones' operation history (who did what, when), at the current time.
Without MILESTONE, all milestones together. Days and weeks are UTC; weeks start on Monday.
  burndown    tasks and estimated hours not yet completed or cancelled at the end of each day, with the
              ideal line from the first day's work to zero on the due date (over 92 days: every k-th day)
  velocity    tasks completed per week, in all and per author (who marked them done)
  cycle time  start → done; lead time: created → done (median and 85th percentile, in days)
  throughput  tasks completed per day
--format svg prints the charts as one SVG document; html one self-contained page (no scripts, no CDN).`,
  examples: [
    'git milestone report 3f2a',
    'git milestone report 3f2a --format html',
    'git milestone report --format csv',
    'git milestone report 3f2a --json',
  ],
  args: [{ name: 'milestone', description: 'Milestone id, unique prefix or alias (default: all milestones).' }],
  flags: {
    format: { type: 'string', char: 'f', options: REPORT_FORMATS, default: 'text', description: 'Output format.' },
  },
  execute: (ctx, input) => {
    const format = String(input.flags.format ?? 'text');
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new MilestoneError('USAGE', `unknown format ${JSON.stringify(format)}`, { hint: `Use one of ${REPORT_FORMATS.join(', ')}.` });
    }
    return milestoneReport(ctx, { id: input.args.milestone });
  },
  text: (report, input, style) => {
    switch (input.flags.format) {
      case 'json': return `${JSON.stringify(report)}\n`;
      case 'csv': return reportCsv(report);
      case 'svg': return `${reportSvg(report)}\n`;
      case 'html': return reportHtml(report);
      default: return reportText(report, style);
    }
  },
};
export default def;
