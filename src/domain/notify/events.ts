/**
 * The events a webhook can be told about, and their shape. Use cases build a NotifyEvent after
 * their write succeeds and hand it to core/notify/emit.ts; this file knows nothing of delivery.
 * Pure: the caller supplies the time and who acted.
 */

export const NOTIFY_EVENTS = [
  'review.requested',
  'review.approved',
  'review.rejected',
  'review.changes_requested',
  'task.blocked',
  'milestone.status_changed',
  'phase.overdue',
] as const;

export type NotifyEventName = (typeof NOTIFY_EVENTS)[number];

export function isNotifyEventName(s: string): s is NotifyEventName {
  return (NOTIFY_EVENTS as readonly string[]).includes(s);
}

/** The milestone an event is about (a small, stable subset of its view). */
export interface EventMilestone {
  id: string;
  title: string;
  status: string;
}

export interface EventTask {
  id: string;
  title: string;
  status: string;
}

export interface NotifyEvent {
  event: NotifyEventName;
  milestone: EventMilestone;
  task?: EventTask;
  /** The phase, for review.* and phase.overdue. */
  phase?: string;
  /** Who acted: `Name <email>` as git writes an author; absent for events no one caused (overdue). */
  actor?: string;
  /** Event-specific facts, e.g. {from, to} for a status change, {message} for a review. */
  data?: Record<string, unknown>;
}

/** What is sent (the JSON format's body): the event plus its delivery id, time and version. */
export interface EventPayload extends NotifyEvent {
  /** Unique per delivery (also the X-Milestone-Delivery header), so receivers can drop duplicates. */
  id: string;
  at: string;
  /** The payload format's version; a receiver may ignore fields it does not know. */
  version: 1;
}

export function buildPayload(e: NotifyEvent, id: string, at: string): EventPayload {
  return { version: 1, id, at, ...e };
}

/** A sample event for `notify test`. */
export function sampleEvent(actor: string): NotifyEvent {
  return {
    event: 'milestone.status_changed',
    milestone: { id: '0'.repeat(40), title: 'Sample milestone (notify test)', status: 'in_progress' },
    actor,
    data: { from: 'planned', to: 'in_progress', test: true },
  };
}

/** `task.blocked` for a task that just became blocked. */
export function taskBlockedEvent(m: EventMilestone, t: EventTask, actor: string): NotifyEvent {
  return { event: 'task.blocked', milestone: m, task: t, actor };
}

/** `milestone.status_changed` from one status to another. */
export function milestoneStatusEvent(m: EventMilestone, from: string, actor: string): NotifyEvent {
  return { event: 'milestone.status_changed', milestone: m, actor, data: { from, to: m.status } };
}

/** The events of a task's phase: a review requested, approved, rejected or sent back, or overdue. */
export type PhaseEventName = Exclude<NotifyEventName, 'task.blocked' | 'milestone.status_changed'>;

/** `review.*` (actor: the submitter or reviewer; data e.g. {message}) or `phase.overdue` (no actor). */
export function phaseEvent(o: {
  event: PhaseEventName; milestone: EventMilestone; task: EventTask; phase: string;
  actor?: string; data?: Record<string, unknown>;
}): NotifyEvent {
  const e: NotifyEvent = { event: o.event, milestone: o.milestone, task: o.task, phase: o.phase };
  if (o.actor !== undefined) e.actor = o.actor;
  if (o.data !== undefined) e.data = o.data;
  return e;
}

/** An actor as git writes an author: `Name <email>`. */
export function actorOf(a: { name: string; email: string }): string {
  return `${a.name} <${a.email}>`;
}
