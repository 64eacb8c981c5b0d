/**
 * Small SVG building blocks for the report's charts, drawn as text: no DOM, no library (measured:
 * Observable Plot with linkedom costs ≈150 ms to load, more than the whole budget of
 * `report --format html`; see docs/architecture.md, Reports). Every chart is a standalone
 * `<svg>` element with the SVG namespace, so it parses as XML and can be inlined in HTML.
 */
export const WIDTH = 640;
export const HEIGHT = 260;
export const MARGIN = { top: 28, right: 16, bottom: 36, left: 44 };
export const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5'];

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const fmt = (x: number): string => String(Math.round(x * 10) / 10);

/** A "nice" upper bound for an axis (1, 2 or 5 times a power of ten). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max) as number;
}

export function frame(title: string, body: string[], height = HEIGHT): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"`
      + ` font-family="system-ui, sans-serif" font-size="11" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** The y axis with 5 gridlines from 0 to `max`, and the x labels (at most about 8 shown). */
export function axes(max: number, labels: string[], xAt: (i: number) => number, unit: string): string[] {
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const out: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const y = MARGIN.top + plotH - (plotH * k) / 4;
    out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${fmt(y + 4)}" text-anchor="end">${fmt((max * k) / 4)}</text>`);
  }
  const step = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((l, i) => {
    if (i % step === 0) out.push(`<text x="${fmt(xAt(i))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${esc(l)}</text>`);
  });
  out.push(`<text x="${MARGIN.left}" y="${HEIGHT - 6}" fill="#666">${esc(unit)}</text>`);
  return out;
}

/** A legend row of coloured swatches under the title. */
export function legend(items: Array<{ label: string; color: string; dashed?: boolean }>): string[] {
  let x = WIDTH - MARGIN.right;
  const out: string[] = [];
  for (const it of [...items].reverse()) {
    x -= 14 + it.label.length * 6.2;
    const dash = it.dashed ? ' stroke-dasharray="4 3"' : '';
    out.push(`<line x1="${fmt(x)}" x2="${fmt(x + 10)}" y1="12" y2="12" stroke="${it.color}" stroke-width="3"${dash}/>`);
    out.push(`<text x="${fmt(x + 13)}" y="16">${esc(it.label)}</text>`);
    x -= 8;
  }
  return out;
}
