/**
 * The `phase.overdue` webhook event, fired when a command finds an overdue phase (doctor, task
 * show): once per phase and deadline, in this clone. Each notice is recorded as a file
 * `<git-common-dir>/milestones/notified/phase.overdue/<milestone>-<task>-<phase>-<deadline>`,
 * claimed by exclusive create before the event is queued, so two commands at once send it once
 * and later commands never again. When no webhook wants the event the claim is dropped, so a
 * webhook configured later still hears of it. Never throws: a notice is not worth failing a command.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { phaseEvent } from '../../domain/notify/events';
import type { Context } from '../context';
import { emitEvents } from '../notify/emit';
import type { OverdueFinding } from './findOverdue';

export const noticeDir = (ctx: Context): string => path.join(ctx.dataDir, 'notified', 'phase.overdue');

const noticeName = (f: OverdueFinding): string => {
  const deadline = f.deadline.replace(/[^0-9]/g, '');
  return `${f.milestone.id.slice(0, 16)}-${f.task.id.slice(0, 16)}-${f.phase.name}-${deadline}`;
};

function claim(file: string): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '', { flag: 'wx' });
    return true;
  } catch {
    return false; // already noticed (or the folder cannot be written: then never notice)
  }
}

export async function noticeOverdue(ctx: Context, findings: OverdueFinding[]): Promise<void> {
  const claimed = findings.map((f) => ({ f, file: path.join(noticeDir(ctx), noticeName(f)) }))
    .filter(({ file }) => claim(file));
  if (claimed.length === 0) return;
  const events = claimed.map(({ f }) => phaseEvent({
    event: 'phase.overdue',
    milestone: { id: f.milestone.id, title: f.milestone.title, status: f.milestone.status },
    task: { id: f.task.id, title: f.task.title, status: f.task.status },
    phase: f.phase.name,
    data: { status: f.phase.status, startedAt: f.phase.startedAt, deadline: f.deadline },
  }));
  const queued = await emitEvents(ctx, events);
  if (queued.length === 0) for (const { file } of claimed) fs.rmSync(file, { force: true });
}
