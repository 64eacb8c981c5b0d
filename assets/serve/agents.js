// Who is working: the sessions agents and people run on milestones (`session list`), live ones
// first; a session whose process is gone or whose heartbeat lapsed shows as crashed.
import { get } from './api.js';
import { h, short, statusBadge } from './dom.js';

const when = (t) => (t ? t.slice(0, 16).replace('T', ' ') : '—');
const checkpoint = (c) => (c ? `${when(c.at)} ${c.message ?? ''}` : '—');

function sessions(list) {
  if (list.length === 0) return h('p', { class: 'muted' }, 'No running sessions.');
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ['Session', 'Milestone', 'Status', 'Owner', 'Heartbeat', 'Last checkpoint']
      .map((t) => h('th', {}, t)))),
    h('tbody', {}, list.map((x) => h('tr', { 'data-session': x.id },
      h('td', { class: 'mono' }, short(x.id)),
      h('td', {}, h('a', { href: `#/m/${x.milestone}`, class: 'mono' }, short(x.milestone))),
      h('td', {}, statusBadge(x.status),
        x.crashReason ? h('span', { class: 'late' }, ` ${x.crashReason}`) : ''),
      h('td', {}, `${x.owner.name} · pid ${x.owner.pid} on ${x.owner.host}`),
      h('td', {}, when(x.heartbeatAt ?? x.startedAt)),
      h('td', {}, checkpoint(x.lastCheckpoint))))));
}

export async function agentsView(params) {
  const all = params.get('all') === '1';
  const { data } = await get(`/api/sessions${all ? '?all=1' : ''}`);
  return h('section', { 'data-view': 'agents' },
    h('h1', {}, 'Agents and sessions'),
    h('p', {}, all ? h('a', { href: '#/agents' }, 'Only running ones')
      : h('a', { href: '#/agents?all=1' }, 'Ended ones too')),
    sessions(data));
}
