/**
 * What the settings loader (config/loadConfig.ts) reads, gathered one way for the commands
 * (loadSettings.ts) and the hooks (git/leanSettings.ts): the settings file's place, and git config
 * entries read in-process from git's config files, or by one `git config --get-regexp` when that
 * cannot be sure to match git (storage/git/readConfigFiles.ts).
 */
import type { LoadConfigOptions } from '../../config/loadConfig';
import { parseGitConfigZ } from '../../config/readGitConfig';
import { MilestoneError } from '../../errors/MilestoneError';
import { readConfigFiles } from '../../storage/git/readConfigFiles';
import { gitRaw } from '../../storage/git/runGit';
import type { RepoInfo } from '../../storage/git/types';
import { settingsFileOf } from './settingsFile';

export interface SettingsWhere {
  repo: RepoInfo;
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
}

const MILESTONE_KEYS = /^milestone\./;

/** The git config entries whose full key matches `want` (lowercased section and name, as git prints). */
export function gitConfigEntries(o: SettingsWhere, want: RegExp = MILESTONE_KEYS): Record<string, string> {
  const direct = readConfigFiles({ gitDir: o.repo.gitDir, commonDir: o.repo.commonDir, vars: o.vars, want: (k) => want.test(k) });
  if (direct) return direct;
  const r = gitRaw(['config', '-z', '--get-regexp', want.source], { cwd: o.repo.workTree ?? o.repo.gitDir, vars: o.vars });
  if (r.status === 0) return parseGitConfigZ(r.stdout);
  if (r.status === 1) return {};
  throw new MilestoneError('GIT_FAILED', `git config failed: ${r.stderr.trim()}`, {
    hint: 'Check your git config files (`git config --list --show-origin`).',
  });
}

/** The loader's input for this repository (git config already read by the caller). */
export function loaderInput(o: SettingsWhere, gitConfig: Record<string, string>, extra: Pick<LoadConfigOptions, 'flags' | 'keys'>): LoadConfigOptions {
  const file = settingsFileOf(o);
  return { yamlPath: file?.path ?? null, displayPath: file?.display, gitConfig, vars: o.vars, ...extra };
}
