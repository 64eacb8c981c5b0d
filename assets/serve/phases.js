// The phase board: a column per workflow phase; each task sits in its current phase (the first
// one not done), with the moves that phase allows when the board may change things.
import { act, taskCard } from './milestone.js';
import { h, label } from './dom.js';

const DONE = (p) => p.status === 'approved' || (!p.needsApproval && p.status === 'completed');

function current(t) {
  return t.phases.find((p) => !DONE(p)) ?? null;
}

function moves(board, t, p) {
  if (!board.write || !p) return null;
  const phase = (action) => h('button', {
    onclick: () => act(board, `/api/tasks/${t.id}/phase`, { action, phase: p.name }),
  }, action);
  const review = (decision, text) => h('button', {
    onclick: () => act(board, `/api/tasks/${t.id}/review`, { decision, phase: p.name }),
  }, text);
  const buttons = {
    pending: [phase('start')], blocked: [phase('start')],
    in_progress: [p.needsApproval ? phase('submit') : phase('complete')],
    waiting_approval: [review('approve', 'approve'), review('reject', 'reject')],
    rejected: [phase('reopen')], changes_requested: [phase('reopen')],
  }[p.status] ?? [];
  return h('div', { class: 'actions' }, buttons);
}

export function phaseBoard(board, m) {
  const names = [];
  for (const t of m.tasks) for (const p of t.phases) if (!names.includes(p.name)) names.push(p.name);
  const columns = [...names.map((n) => [n, n]), ['done', 'all phases done'], ['none', 'no workflow']];
  const place = (t) => (t.phases.length === 0 ? 'none' : current(t)?.name ?? 'done');
  return h('div', { class: 'board' }, columns.map(([key, title]) => {
    const tasks = m.tasks.filter((t) => place(t) === key);
    return h('section', { class: 'column', 'data-phase': key },
      h('h3', {}, title, h('span', { class: 'count' }, String(tasks.length))),
      tasks.map((t) => {
        const p = current(t);
        const badge = p && h('div', { class: `phase s-${p.status}` },
          label(p.status), p.overdue ? ' · overdue' : '');
        return taskCard({ ...board, write: false }, t, [badge, moves(board, t, p)]);
      }));
  }));
}
