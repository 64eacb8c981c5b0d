// Phases waiting for a review (`review --pending`), with approve and reject when changes are allowed.
import { get } from './api.js';
import { h, short } from './dom.js';
import { act } from './milestone.js';

export async function reviewsView(board) {
  const { data } = await get('/api/reviews');
  const decide = (e, decision) => {
    const message = document.querySelector(`input[data-message="${e.task}:${e.phase}"]`)?.value || undefined;
    return act(board, `/api/tasks/${e.task}/review`, { decision, phase: e.phase, message });
  };
  const rows = data.map((e) => h('tr', { 'data-task': e.task, 'data-phase': e.phase },
    h('td', {}, e.title, h('div', { class: 'meta mono' }, short(e.task))),
    h('td', {}, e.phase),
    h('td', {}, h('a', { href: `#/m/${e.milestoneId}/phases` }, e.milestoneTitle)),
    h('td', {}, e.since.slice(0, 16).replace('T', ' ')),
    h('td', {}, e.reviewers.length ? e.reviewers.join(', ') : 'anyone'),
    h('td', {}, e.stale ? h('span', { class: 'late' }, `changed: ${e.changed.join(', ')}`) : ''),
    board.write ? h('td', { class: 'actions' },
      h('input', { 'data-message': `${e.task}:${e.phase}`, placeholder: 'comment', size: 14 }),
      h('button', { onclick: () => decide(e, 'approve') }, 'approve'),
      h('button', { onclick: () => decide(e, 'reject') }, 'reject')) : null));
  return h('section', { 'data-view': 'reviews' }, h('h1', {}, 'Pending reviews'),
    data.length === 0 ? h('p', { class: 'muted' }, 'No phase is waiting for a review.')
      : h('table', { class: 'list' }, h('thead', {}, h('tr', {},
        ['Task', 'Phase', 'Milestone', 'Since', 'Waiting for', 'Changed', board.write ? '' : null]
          .filter((x) => x !== null).map((t) => h('th', {}, t)))), h('tbody', {}, rows)));
}
