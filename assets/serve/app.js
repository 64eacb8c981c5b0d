// The board: a hash router over the views, and live updates from the server (server-sent events):
// every `change` redraws the current view from fresh data, no reload needed.
import { get } from './api.js';
import { h } from './dom.js';
import { milestonesView } from './milestones.js';
import { milestoneView } from './milestone.js';
import { reviewsView } from './reviews.js';
import { agentsView } from './agents.js';

export const board = { write: false, version: null, refresh: () => render() };

const ROUTES = [
  [/^\/?$/, (p) => milestonesView(board, p)],
  [/^\/m\/([^/]+)(?:\/(status|phases|graph|burndown))?$/,
    (p, m) => milestoneView(board, m[1], m[2] ?? 'status')],
  [/^\/reviews$/, () => reviewsView(board)],
  [/^\/agents$/, (p) => agentsView(p)],
];

function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', params: new URLSearchParams(query ?? '') };
}

let drawing = null;
let again = false;

/** Draws the current view; a request while one is drawn draws once more afterwards. */
export async function render() {
  if (drawing) { again = true; return drawing; }
  const view = document.getElementById('view');
  drawing = (async () => {
    const { path, params } = route();
    const found = ROUTES.map(([re, make]) => [re.exec(path), make]).find(([m]) => m);
    document.body.dataset.ready = 'no';
    let node;
    try {
      node = found ? await found[1](params, found[0]) : h('p', {}, 'No such page.');
    } catch (e) {
      node = h('p', { class: 'error', role: 'alert' }, String(e.message ?? e));
    }
    view.replaceChildren(node);
    const nav = ['reviews', 'agents'].find((n) => path.startsWith(`/${n}`)) ?? 'milestones';
    for (const a of document.querySelectorAll('[data-nav]')) {
      a.classList.toggle('here', a.dataset.nav === nav);
    }
    document.body.dataset.ready = 'yes';
  })();
  try { await drawing; } finally { drawing = null; }
  if (again) { again = false; await render(); }
}

function listen() {
  const badge = document.getElementById('live');
  const events = new EventSource('/api/events');
  events.addEventListener('hello', (e) => {
    const { version } = JSON.parse(e.data);
    if (board.version !== null && board.version !== version) render();
    board.version = version;
    badge.textContent = 'live';
    badge.className = 'badge on';
    document.body.dataset.live = 'on';
  });
  events.addEventListener('change', (e) => {
    board.version = JSON.parse(e.data).version;
    render();
  });
  events.onerror = () => {
    badge.textContent = 'reconnecting…';
    badge.className = 'badge off';
    document.body.dataset.live = 'off';
  };
}

async function start() {
  const { data } = await get('/api/info');
  board.write = data.write;
  document.getElementById('mode').textContent = data.write ? 'changes allowed' : 'read-only';
  window.addEventListener('hashchange', () => render());
  listen();
  await render();
}

start();
