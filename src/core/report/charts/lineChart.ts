/** A line chart over days: several series (a null value is a gap), one y axis from zero. */
import { axes, esc, fmt, frame, HEIGHT, legend, MARGIN, niceMax, WIDTH } from './svg';

export interface LineSeries {
  label: string;
  color: string;
  values: Array<number | null>;
  dashed?: boolean;
}

export function lineChart(title: string, labels: string[], series: LineSeries[], unit: string): string {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xAt = (i: number) => MARGIN.left + (labels.length <= 1 ? plotW / 2 : (plotW * i) / (labels.length - 1));
  const yAt = (v: number) => MARGIN.top + plotH - (plotH * v) / max;
  const body = axes(max, labels, xAt, unit);
  for (const s of series) {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${fmt(xAt(i))},${fmt(yAt(v))}`;
      pen = true;
    });
    if (!d) continue;
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
    body.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash}><title>${esc(s.label)}</title></path>`);
  }
  return frame(title, [...body, ...legend(series)]);
}
