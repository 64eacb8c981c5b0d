// Who is working: the claims on tasks (holder, agent, lease expiry, fencing number; a lapsed lease
// can be taken over) and the sessions agents and people run on milestones (`session list`); a
// session whose process is gone or whose heartbeat lapsed shows as crashed.
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

function claims(list) {
  if (list.length === 0) return h('p', { class: 'muted' }, 'No task is claimed.');
  const now = new Date().toISOString();
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ['Task', 'Milestone', 'Held by', 'Agent', 'Lease until', 'Fencing']
      .map((t) => h('th', {}, t)))),
    h('tbody', {}, list.map((c) => h('tr', { 'data-claim': c.task },
      h('td', { class: 'mono' }, short(c.task)),
      h('td', {}, h('a', { href: `#/m/${c.milestone}`, class: 'mono' }, short(c.milestone))),
      h('td', {}, c.holder), h('td', {}, c.agent),
      h('td', {}, when(c.expires), c.expires < now ? h('span', { class: 'late' }, ' lapsed') : ''),
      h('td', { class: 'num' }, String(c.fencing))))));
}

export async function agentsView(params) {
  const all = params.get('all') === '1';
  const [{ data }, { data: held }] = await Promise.all([
    get(`/api/sessions${all ? '?all=1' : ''}`), get('/api/claims'),
  ]);
  return h('section', { 'data-view': 'agents' },
    h('h1', {}, 'Agents and sessions'),
    h('h3', {}, 'Claims'), claims(held),
    h('h3', {}, 'Sessions'),
    h('p', {}, all ? h('a', { href: '#/agents' }, 'Only running ones')
      : h('a', { href: '#/agents?all=1' }, 'Ended ones too')),
    sessions(data));
}
