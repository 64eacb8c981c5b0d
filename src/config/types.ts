/**
 * Shared types of the settings layer: the shape of a loaded configuration, where each value came
 * from, and the issues (errors and warnings) that loading or validating a settings file reports.
 * Types only: importing this file loads nothing at run time.
 */

/** The layers, lowest to highest precedence. */
export type ConfigLayer = 'default' | 'file' | 'git' | 'env' | 'flag';

/** Where the effective value of one dotted path came from. */
export interface ConfigOrigin {
  layer: ConfigLayer;
  /** File path, `git config milestone.x`, `MILESTONE_X`, `flag x.y` or `built-in default`. */
  source: string;
  /** 1-based line in the settings file (file layer only). */
  line?: number;
}

export interface ConfigIssue {
  /** The settings file the issue is in (file layer). */
  file?: string;
  /** 1-based line and column in that file, when known. */
  line?: number;
  col?: number;
  /** Non-file source: `git config milestone.x`, `MILESTONE_X`, `flag x.y`. */
  source?: string;
  /** Dotted key path the issue is about ('' for the whole file). */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type BranchCleanup = 'conservative' | 'aggressive';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/**
 * The effective settings. Keys that have a built-in default are always present; everything else
 * in the schema (and unknown keys, kept verbatim) may or may not be.
 */
export interface MilestoneConfig {
  auto_branch: boolean;
  commit_format: string;
  branch_prefix: string;
  branch_cleanup: BranchCleanup;
  auto_scale: boolean;
  backend_override?: 'file' | 'sqlite' | 'postgresql' | 'hybrid' | 'database' | null;
  scale_thresholds: { sqlite_milestones: number; postgresql_milestones?: number; [k: string]: number | undefined };
  coordination: { conflict_resolution: string; [k: string]: unknown };
  cache: { enabled: boolean; ttl?: number; max_size?: number | string };
  log: { level: LogLevel };
  phase_weights: { design: number; spec: number; task: number; execute: number };
  git_integration: {
    auto_cleanup_branches: boolean;
    cleanup_after_days: number;
    preserve_completed: boolean;
    merge_strategy: string;
    single_branch_mode: boolean;
    branch_naming?: string;
    auto_merge?: boolean;
    complete_tasks_on_merge: boolean;
  };
  index?: { postgresql?: { url?: string } };
  [key: string]: unknown;
}

/**
 * Whether the committed settings file may choose the keys that need trust (config/trustRules.ts):
 * `not-needed` when it sets none (or there is no file), else `trusted` (git config
 * `milestone.trusted-settings` holds its sha256) or `untrusted` (those keys are `ignored`).
 */
export interface SettingsTrust {
  file: string | null;
  state: 'not-needed' | 'trusted' | 'untrusted';
  /** The keys of the file that need trust. */
  keys: string[];
  /** The keys left out because the file is not trusted. */
  ignored: string[];
}

export interface LoadConfigResult {
  values: MilestoneConfig;
  origins: Record<string, ConfigOrigin>;
  warnings: ConfigIssue[];
  trust: SettingsTrust;
}

/** Reads a text file; returns null when it does not exist. */
export type ReadFileFn = (path: string) => string | null;
/** Writes a text file (the default writes atomically: temp file + rename). */
export type WriteFileFn = (path: string, text: string) => void;
