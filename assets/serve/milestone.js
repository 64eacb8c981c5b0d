// One milestone: its header, then its tasks as a board by status, by phase, as a dependency graph,
// or its burndown (the report's own SVG chart).
import { get, post } from './api.js';
import { due, h, label, progress, short, statusBadge } from './dom.js';
import { graphView } from './graph.js';
import { phaseBoard } from './phases.js';

const when = (t) => t.slice(0, 16).replace('T', ' ');
const STATUSES = ['pending', 'in_progress', 'blocked', 'completed', 'cancelled'];
const TABS = [['status', 'Board'], ['phases', 'Phases'], ['graph', 'Dependencies'], ['burndown', 'Burndown']];

/** Runs a change from the board; the live update redraws the page (and an error is shown). */
export async function act(board, path, body) {
  try {
    await post(path, body);
    await board.refresh();
  } catch (e) {
    const view = document.getElementById('view');
    view.prepend(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

export function taskCard(board, t, extra) {
  const move = board.write && h('select', {
    'aria-label': `Move ${t.title}`, class: 'move',
    onchange: (e) => act(board, `/api/tasks/${t.id}/status`, { status: e.target.value }),
  }, STATUSES.map((st) => h('option', { value: st, selected: st === t.status }, label(st))));
  return h('article', { class: 'card', 'data-task': t.id },
    h('div', { class: 'title' }, t.title),
    h('div', { class: 'meta' }, h('span', { class: 'mono' }, t.shortId),
      t.assignee ? ` · ${t.assignee}` : '', t.estimatedHours !== null ? ` · ${t.estimatedHours} h` : '',
      t.dependsOn.length ? ` · waits for ${t.dependsOn.length}` : ''),
    t.claim && h('div', { class: 'claim' }, `claimed by ${t.claim.agent} until ${when(t.claim.expires)}`),
    extra ?? null, move || null);
}

function statusBoard(board, m) {
  return h('div', { class: 'board' }, STATUSES.map((st) => {
    const tasks = m.tasks.filter((t) => t.status === st);
    return h('section', { class: 'column', 'data-status': st },
      h('h3', {}, label(st), h('span', { class: 'count' }, String(tasks.length))),
      tasks.map((t) => taskCard(board, t)));
  }));
}

async function burndown(board, m) {
  const { data: r } = await get(`/api/milestones/${m.id}/report`);
  const fig = (name, value) => h('div', { class: 'figure' },
    h('span', { class: 'muted' }, name), h('strong', {}, value));
  const days = (d) => (d.medianDays === null ? '—' : `${d.medianDays} d`);
  return h('div', {},
    h('div', { class: 'figures' },
      fig('completed', `${r.progress.completed}/${r.progress.tasks}`),
      fig('remaining hours', String(r.progress.remainingHours)),
      fig('cycle time (median)', days(r.cycleTime)), fig('lead time (median)', days(r.leadTime))),
    h('img', {
      class: 'chart', alt: 'Burndown chart',
      src: `/api/milestones/${m.id}/burndown.svg?v=${board.version ?? ''}`,
    }));
}

export async function milestoneView(board, id, tab) {
  const { data: m } = await get(`/api/milestones/${encodeURIComponent(id)}`);
  for (const c of m.claims ?? []) { // who holds which task, on its card
    const t = m.tasks.find((x) => x.id === c.task);
    if (t) t.claim = c;
  }
  const done = m.tasks.filter((t) => t.status === 'completed').length;
  const body = tab === 'phases' ? phaseBoard(board, m) : tab === 'graph' ? await graphView(m)
    : tab === 'burndown' ? await burndown(board, m) : statusBoard(board, m);
  return h('section', { 'data-view': `milestone-${tab}`, 'data-id': m.id },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Milestones'), ' / ',
      h('span', { class: 'mono' }, short(m.id))),
    h('h1', {}, m.title, ' ', statusBadge(m.status)),
    h('div', { class: 'summary' }, progress(m.progress), ` · ${done}/${m.tasks.length} tasks done · due `,
      due(m.dueDate, m.status === 'completed'), m.workflow ? ` · workflow ${m.workflow}` : ''),
    h('nav', { class: 'tabs' }, TABS.map(([key, name]) =>
      h('a', { href: `#/m/${m.id}/${key}`, class: key === tab ? 'here' : '' }, name))),
    body);
}
