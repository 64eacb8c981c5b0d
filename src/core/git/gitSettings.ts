/**
 * The settings the git integration acts on, in one typed object, taken from the effective
 * configuration (commands: loadSettings, validated) or from the lean reader the hooks use
 * (leanSettings.ts: no ajv, yaml only when the file names one of these keys).
 *
 *   commit_format                          commit header template ({id} {task} {type} {description})
 *   branch_prefix, git_integration.branch_naming    branch names (domain/branchName.ts)
 *   auto_branch                            `task start` also creates and checks out the task's branch
 *   git_integration.single_branch_mode     one branch per milestone: `branch start <task>` uses the
 *                                          milestone's branch and makes that task the current one
 *   git_integration.complete_tasks_on_merge, auto_cleanup_branches, cleanup_after_days,
 *   preserve_completed, merge_strategy, branch_cleanup    what a merge does (cleanupBranches.ts)
 */
import type { BranchNaming } from '../../domain/branchName';
import { DEFAULT_COMMIT_FORMAT } from '../../domain/commitHeader';

export interface CleanupSettings {
  mode: 'conservative' | 'aggressive';
  /** post-merge deletes merged branches (else it only completes their tasks). */
  auto: boolean;
  afterDays: number;
  preserveCompleted: boolean;
  mergeStrategy: string;
  completeOnMerge: boolean;
}

export interface GitSettings {
  commitFormat: string;
  naming: BranchNaming;
  autoBranch: boolean;
  singleBranch: boolean;
  cleanup: CleanupSettings;
}

/** Dotted keys read for GitSettings (the lean reader reads only these). */
export const GIT_SETTING_KEYS = [
  'commit_format', 'branch_prefix', 'auto_branch', 'branch_cleanup',
  'git_integration.branch_naming', 'git_integration.single_branch_mode', 'git_integration.auto_cleanup_branches',
  'git_integration.cleanup_after_days', 'git_integration.preserve_completed', 'git_integration.merge_strategy',
  'git_integration.complete_tasks_on_merge',
] as const;

type Get = (key: (typeof GIT_SETTING_KEYS)[number]) => unknown;

export function gitSettingsFrom(get: Get): GitSettings {
  const str = (k: Parameters<Get>[0], d: string) => (typeof get(k) === 'string' ? (get(k) as string) : d);
  const bool = (k: Parameters<Get>[0], d: boolean) => (typeof get(k) === 'boolean' ? (get(k) as boolean) : d);
  const pattern = get('git_integration.branch_naming');
  return {
    commitFormat: str('commit_format', DEFAULT_COMMIT_FORMAT),
    naming: { prefix: str('branch_prefix', 'milestone/'), pattern: typeof pattern === 'string' && pattern.trim() !== '' ? pattern : undefined },
    autoBranch: bool('auto_branch', false),
    singleBranch: bool('git_integration.single_branch_mode', false),
    cleanup: {
      mode: get('branch_cleanup') === 'aggressive' ? 'aggressive' : 'conservative',
      auto: bool('git_integration.auto_cleanup_branches', false),
      afterDays: typeof get('git_integration.cleanup_after_days') === 'number' ? (get('git_integration.cleanup_after_days') as number) : 7,
      preserveCompleted: bool('git_integration.preserve_completed', true),
      mergeStrategy: str('git_integration.merge_strategy', 'merge'),
      completeOnMerge: bool('git_integration.complete_tasks_on_merge', true),
    },
  };
}

/** From a nested settings tree (loadSettings' values). */
export function gitSettingsFromTree(values: Record<string, unknown>): GitSettings {
  return gitSettingsFrom((key) => key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), values));
}
