/**
 * What the settings loader (config/loadConfig.ts) reads, gathered one way for the commands
 * (loadSettings.ts) and the hooks (git/leanSettings.ts): the settings file's place, and git config
 * entries through the porcelain port, read in-process from git's config files, or by one `git
 * config --get-regexp` when that cannot be sure to match git (GitPorcelain.configMatching).
 */
import type { LoadConfigOptions } from '../../config/loadConfig';
import type { GitPorcelain, RepoInfo } from '../../storage/ports';
import { settingsFileOf } from './settingsFile';

export interface SettingsWhere {
  repo: RepoInfo;
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
  git: Pick<GitPorcelain, 'configMatching'>;
}

const MILESTONE_KEYS = /^milestone\./;

/** The git config entries whose full key matches `want` (lowercased section and name, as git prints). */
export function gitConfigEntries(o: SettingsWhere, want: RegExp = MILESTONE_KEYS): Record<string, string> {
  return o.git.configMatching(want.source, { inProcess: true });
}

/** The loader's input for this repository (git config already read by the caller). */
export function loaderInput(o: SettingsWhere, gitConfig: Record<string, string>, extra: Pick<LoadConfigOptions, 'flags' | 'keys'>): LoadConfigOptions {
  const file = settingsFileOf(o);
  return { yamlPath: file?.path ?? null, displayPath: file?.display, gitConfig, vars: o.vars, ...extra };
}
