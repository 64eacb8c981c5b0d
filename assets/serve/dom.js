// Building the page safely: user text only ever becomes text nodes (never HTML).
const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export const h = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);
export const s = (tag, attrs, ...children) => fill(document.createElementNS(SVG_NS, tag), attrs, children);

export const short = (id) => String(id).slice(0, 8);
export const label = (status) => String(status).replace(/_/g, ' ');

export function progress(value) {
  return h('span', { class: 'progress' }, h('progress', { max: 100, value }), ` ${value}%`);
}

export function statusBadge(status) {
  return h('span', { class: `status s-${status}` }, label(status));
}

/** A due date, marked when it has passed. */
export function due(date, done) {
  if (!date) return h('span', { class: 'muted' }, '—');
  const late = !done && date < new Date().toISOString().slice(0, 10);
  return h('span', { class: late ? 'late' : '' }, date, late ? ' (overdue)' : '');
}
