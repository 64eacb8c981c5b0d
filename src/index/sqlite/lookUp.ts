/**
 * Lookups the SQLite index answers by SQL: milestone ids by prefix or alias, task locations by task
 * id prefix, and the milestones whose ref could not be read (with why).
 */
import type { TaskLocation } from '../MilestoneIndex';
import type { Db } from './openSqlite';

/** Ids that start with `prefix`, and the milestone whose alias it is. */
export function findMilestoneIds(db: Db, prefix: string): string[] {
  const sql = 'SELECT id FROM milestones WHERE substr(id, 1, ?) = ?'
    + ' UNION SELECT milestone_id FROM aliases WHERE alias = ? ORDER BY 1';
  return db.prepare(sql).pluck().all(prefix.length, prefix, prefix) as string[];
}

export function findTaskLocations(db: Db, prefix: string): TaskLocation[] {
  const sql = 'SELECT id AS taskId, milestone_id AS milestoneId FROM tasks'
    + ' WHERE substr(id, 1, ?) = ? ORDER BY id';
  return db.prepare(sql).all(prefix.length, prefix) as TaskLocation[];
}

export function unreadableRows(db: Db): Array<{ id: string; message: string }> {
  const sql = 'SELECT id, error AS message FROM milestones WHERE error IS NOT NULL ORDER BY id';
  return db.prepare(sql).all() as Array<{ id: string; message: string }>;
}
