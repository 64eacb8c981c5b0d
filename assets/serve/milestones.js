// Milestones, a page at a time (the list is paged on the server: 10,000 milestones send 50 rows).
import { get } from './api.js';
import { due, h, progress, short, statusBadge } from './dom.js';

const PAGE = 50;
const EMPTY = 'No milestones yet: `git milestone new "<title>"`.';
const COLUMNS = ['ID', 'Title', 'Status', 'Progress', 'Tasks', 'Due'];

function go(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  location.hash = `#/?${q}`;
}

export async function milestonesView(_board, params) {
  const q = params.get('q') ?? '';
  const all = params.get('all') === '1';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const query = new URLSearchParams({ q, offset: String(offset), limit: String(PAGE), all: all ? '1' : '0' });
  const { data, headers } = await get(`/api/milestones?${query}`);
  const total = Number(headers.get('X-Total-Count'));
  const hint = 'status:in_progress label:backend sort:due …';
  const input = h('input', { name: 'q', value: q, placeholder: hint, size: 50 });
  const archived = h('input', { type: 'checkbox', name: 'all', checked: all });
  const form = h('form', {
    class: 'search',
    onsubmit: (e) => { e.preventDefault(); go({ q: input.value.trim(), all: archived.checked ? '1' : '' }); },
  }, input, h('label', {}, archived, ' archived too'), h('button', { type: 'submit' }, 'Search'));
  const rows = data.map((m) => h('tr', { 'data-id': m.id },
    h('td', {}, h('a', { href: `#/m/${m.id}`, class: 'mono' }, short(m.id))),
    h('td', {}, h('a', { href: `#/m/${m.id}` }, m.title),
      m.labels.map((l) => h('span', { class: 'label' }, l))),
    h('td', {}, statusBadge(m.status)),
    h('td', {}, progress(m.progress)),
    h('td', { class: 'num' }, `${m.doneCount}/${m.taskCount}`),
    h('td', {}, due(m.dueDate, m.status === 'completed'))));
  const last = Math.min(offset + PAGE, total);
  const to = (at) => go({ q, all: all ? '1' : '', offset: String(at) });
  const pager = h('div', { class: 'pager' },
    h('button', { disabled: offset === 0, onclick: () => to(Math.max(0, offset - PAGE)) }, '← Previous'),
    h('span', { class: 'count' },
      total === 0 ? 'none' : `${offset + 1}–${last} of ${total.toLocaleString('en')}`),
    h('button', { disabled: last >= total, onclick: () => to(offset + PAGE) }, 'Next →'));
  return h('section', { 'data-view': 'milestones' },
    h('h1', {}, 'Milestones'), form, pager,
    total === 0 ? h('p', { class: 'muted' }, q ? 'No milestones match.' : EMPTY)
      : h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, COLUMNS.map((t) => h('th', {}, t)))),
        h('tbody', {}, rows)));
}
