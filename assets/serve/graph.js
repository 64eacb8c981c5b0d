// The dependency graph: the milestone's tasks in layers (a task one layer right of everything it
// waits for), arrows from a dependency to the task waiting on it, and the milestones this one
// depends on, transitively.
import { get } from './api.js';
import { h, s, short } from './dom.js';

const W = 190;
const H = 46;
const GAP_X = 60;
const GAP_Y = 18;
const COLORS = {
  pending: '#d9dde3', in_progress: '#9cc3f5', blocked: '#f5a59c', completed: '#a6dba0', cancelled: '#eeeeee',
};

function layers(tasks) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const depth = new Map();
  const visit = (t, seen) => {
    if (depth.has(t.id)) return depth.get(t.id);
    if (seen.has(t.id)) return 0; // a cycle (possible after a merge): cut it
    seen.add(t.id);
    const deps = t.dependsOn.map((d) => byId.get(d)).filter(Boolean);
    const d = deps.length ? 1 + Math.max(...deps.map((x) => visit(x, seen))) : 0;
    depth.set(t.id, d);
    return d;
  };
  for (const t of tasks) visit(t, new Set());
  return depth;
}

function taskGraph(tasks) {
  const depth = layers(tasks);
  const rows = new Map();
  const at = new Map();
  for (const t of tasks) {
    const d = depth.get(t.id);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    at.set(t.id, { x: 10 + d * (W + GAP_X), y: 10 + row * (H + GAP_Y) });
  }
  const width = 20 + (Math.max(0, ...depth.values()) + 1) * (W + GAP_X);
  const height = 20 + Math.max(1, ...rows.values()) * (H + GAP_Y);
  const edges = tasks.flatMap((t) => t.dependsOn.filter((d) => at.has(d)).map((d) => {
    const a = at.get(d);
    const b = at.get(t.id);
    const ends = { x1: a.x + W, y1: a.y + H / 2, x2: b.x, y2: b.y + H / 2 };
    return s('line', { ...ends, class: 'edge', 'marker-end': 'url(#arrow)' });
  }));
  const nodes = tasks.map((t) => {
    const p = at.get(t.id);
    return s('g', { class: 'node', 'data-task': t.id, transform: `translate(${p.x},${p.y})` },
      s('rect', { width: W, height: H, rx: 6, fill: COLORS[t.status] ?? '#ddd' }),
      s('text', { x: 8, y: 18 }, t.title.length > 26 ? `${t.title.slice(0, 25)}…` : t.title),
      s('text', { x: 8, y: 36, class: 'small' }, `${t.shortId} · ${t.status.replace(/_/g, ' ')}`));
  });
  const size = { width, height, viewBox: `0 0 ${width} ${height}` };
  const marker = {
    id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto',
  };
  return s('svg', { class: 'graph', ...size, role: 'img', 'aria-label': 'Task dependencies' },
    s('defs', {}, s('marker', marker,
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#555' }))),
    edges, nodes);
}

export async function graphView(m) {
  const { data } = await get(`/api/milestones/${m.id}/graph`);
  const others = data.milestones.filter((x) => x.id !== m.id);
  const title = new Map(data.milestones.map((x) => [x.id, x.title]));
  return h('div', {},
    m.tasks.length ? taskGraph(m.tasks) : h('p', { class: 'muted' }, 'No tasks.'),
    h('h3', {}, 'Milestones this one waits for'),
    others.length === 0 ? h('p', { class: 'muted' }, 'None.')
      : h('ul', { class: 'deps' }, data.milestones.flatMap((x) => x.dependsOn.map((d) => h('li', {},
        h('a', { href: `#/m/${x.id}/graph` }, title.get(x.id) || short(x.id)), ' waits for ',
        h('a', { href: `#/m/${d}/graph` }, title.get(d) || short(d)))))));
}
