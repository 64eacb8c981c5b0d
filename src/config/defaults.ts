/**
 * Built-in defaults: the lowest settings layer. The JSON schema carries no defaults; they live
 * only here so there is one place to read them. `defaultConfig()` returns a fresh deep copy, so
 * callers may mutate the result freely.
 */
import type { MilestoneConfig } from './types';

const DEFAULTS: MilestoneConfig = {
  auto_branch: false,
  commit_format: 'feat(milestone-{id}): {description}',
  branch_prefix: 'milestone/',
  branch_cleanup: 'conservative',
  auto_scale: true,
  scale_thresholds: { sqlite_milestones: 50 },
  coordination: { conflict_resolution: 'merge', lease_ttl: '30m' },
  cache: { enabled: true },
  log: { level: 'info' },
  phase_weights: { design: 15, spec: 25, task: 20, execute: 40 },
  git_integration: {
    auto_cleanup_branches: false,
    cleanup_after_days: 7,
    preserve_completed: true,
    merge_strategy: 'merge',
    single_branch_mode: false,
    complete_tasks_on_merge: true,
  },
};

/** A fresh deep copy of the built-in defaults. */
export function defaultConfig(): MilestoneConfig {
  return structuredClone(DEFAULTS);
}
