/**
 * The shapes of a report (`git milestone report`, schemas/report.schema.json). Every figure is
 * computed from the operation history by the pure functions beside this file, one per file.
 * Days and weeks are UTC; a week starts on Monday and is named by that day.
 */
import type { Remaining, Timeline } from '../history/timeline';
import type { MilestoneState, StoredOperation } from '../types';

/** One milestone's history, as the report reads it. */
export interface ReportSource {
  id: string;
  ops: readonly StoredOperation[];
  /** The fold of all of `ops`. */
  state: MilestoneState;
  /** workTimeline(ops) when already known (a cache); otherwise the burndown folds it. */
  work?: Timeline<Remaining | null>;
}

export interface ProgressFigures {
  milestones: number;
  /** Live tasks, cancelled ones included. */
  tasks: number;
  completed: number;
  inProgress: number;
  blocked: number;
  pending: number;
  cancelled: number;
  /** Progress 0–100 as `list` shows it (the mean over the milestones). */
  percent: number;
  estimatedHours: number;
  remainingHours: number;
}

export interface BurndownDay {
  date: string;
  /** Tasks neither completed nor cancelled at the end of the day; null for days still to come. */
  remainingTasks: number | null;
  remainingHours: number | null;
  /** The straight line from the first day's remaining work to zero on the due date; null without one. */
  idealTasks: number | null;
  idealHours: number | null;
}

export interface Burndown {
  start: string;
  dueDate: string | null;
  /** One per day; a span over 92 days every k-th day, with the first day, today and the due date. */
  days: BurndownDay[];
}

/** A task completed, with who completed it (the author of the operation) and its times. */
export interface Completion {
  milestone: string;
  task: string;
  title: string;
  by: { name: string; email: string };
  createdAt: string;
  startedAt: string | null;
  completedAt: string;
}

export interface VelocityWeek {
  week: string;
  completed: number;
  byAuthor: Array<{ name: string; email: string; completed: number }>;
}

export interface Velocity {
  weeks: VelocityWeek[];
  /** Mean tasks completed per week over the weeks shown. */
  meanPerWeek: number;
}

export interface DurationStats {
  /** Tasks measured. */
  count: number;
  /** In days (hours / 24), rounded to 2 decimals; null when no task was measured. */
  medianDays: number | null;
  p85Days: number | null;
  tasks: Array<{ task: string; days: number }>;
}

export interface Throughput {
  completed: number;
  days: number;
  perDay: number;
  perWeek: number;
  daily: Array<{ date: string; completed: number }>;
}

export interface Report {
  milestones: Array<{ id: string; title: string; dueDate: string | null }>;
  generatedAt: string;
  progress: ProgressFigures;
  burndown: Burndown;
  velocity: Velocity;
  cycleTime: DurationStats;
  leadTime: DurationStats;
  throughput: Throughput;
}
