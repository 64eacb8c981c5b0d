/** A bar chart: one bar per label, stacked by series (zero-height parts are left out). */
import { axes, esc, fmt, frame, HEIGHT, legend, MARGIN, niceMax, WIDTH } from './svg';

export interface BarSeries {
  label: string;
  color: string;
  values: number[];
}

export interface Rule {
  label: string;
  color: string;
  value: number;
}

export function barChart(title: string, labels: string[], series: BarSeries[], unit: string, rules: Rule[] = []): string {
  const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals, ...rules.map((r) => r.value)));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotW / Math.max(1, labels.length);
  const xAt = (i: number) => MARGIN.left + band * (i + 0.5);
  const yAt = (v: number) => MARGIN.top + plotH - (plotH * v) / max;
  const body = axes(max, labels, xAt, unit);
  labels.forEach((label, i) => {
    let base = 0;
    for (const s of series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      const x = MARGIN.left + band * i + band * 0.1;
      body.push(`<rect x="${fmt(x)}" y="${fmt(yAt(base + v))}" width="${fmt(band * 0.8)}" height="${fmt(yAt(base) - yAt(base + v))}"`
        + ` fill="${s.color}"><title>${esc(`${label} ${s.label}: ${v}`)}</title></rect>`);
      base += v;
    }
  });
  for (const r of rules) {
    const y = fmt(yAt(r.value));
    body.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="${r.color}" stroke-dasharray="5 4"/>`);
  }
  const keys = [...series.map(({ label, color }) => ({ label, color })), ...rules.map((r) => ({ label: `${r.label} ${fmt(r.value)}`, color: r.color, dashed: true }))];
  return frame(title, [...body, ...legend(keys)], HEIGHT);
}
