/**
 * `doctor --report`: a diagnostic report to paste into a bug report. It holds the versions of
 * git-milestone, node and git, the repository's shape, counts, remotes, every setting with the
 * layer it came from, and the last lines of the log. Secrets stay out: remote URLs, setting
 * values and log lines go through the logger's scrubbers (URL passwords, tokens, key=value
 * secrets), and values of secret-looking keys are dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { maskSetting } from '../../config/maskSetting';
import { LOG_FILE_NAME, scrubString } from '../../env/logger';
import type { Context } from '../context';
import { loadSettings } from '../config/loadSettings';
import { fetchRefspecs } from '../sync/remoteLayout';
import { remoteNames } from '../sync/setupRemote';
import type { EntityCounts } from './types';

export const LOG_LINES = 40;

export interface DiagnosticReport {
  versions: { gitMilestone: string; node: string; git: string; platform: string };
  repository: { bare: boolean; linkedWorktree: boolean; objectFormat: string };
  counts: EntityCounts & { refs: number };
  remotes: Array<{ name: string; url: string | null; fetchesMilestones: boolean }>;
  settings: Array<{ key: string; value: unknown; origin: string }>;
  log: string[];
}

function packageVersion(): string {
  try {
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function settings(ctx: Context): Promise<DiagnosticReport['settings']> {
  try {
    const r = await loadSettings(ctx);
    return Object.entries(r.origins).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, o]) => {
      const value = key.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), r.values);
      return { key, value: maskSetting(key, value), origin: `${o.layer}: ${o.source}${o.line ? `:${o.line}` : ''}` };
    });
  } catch (e) {
    return [{ key: '(settings)', value: null, origin: `unreadable: ${scrubString((e as Error).message)}` }];
  }
}

function logTail(ctx: Context): string[] {
  try {
    const lines = fs.readFileSync(path.join(ctx.dataDir, 'logs', LOG_FILE_NAME), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.slice(-LOG_LINES).map(scrubString);
  } catch {
    return [];
  }
}

export async function diagnosticReport(ctx: Context, counts: EntityCounts): Promise<DiagnosticReport> {
  const git = ctx.git.version();
  const remotes = remoteNames(ctx).map((name) => {
    const url = ctx.git.configGet(`remote.${name}.url`);
    const fetch = ctx.git.configGetAll(`remote.${name}.fetch`);
    return { name, url: url === null ? null : scrubString(url), fetchesMilestones: fetch.includes(fetchRefspecs(name)[0]) };
  });
  return {
    versions: { gitMilestone: packageVersion(), node: process.version, git, platform: `${process.platform} ${process.arch}` },
    repository: { bare: ctx.repo.bare, linkedWorktree: ctx.repo.gitDir !== ctx.repo.commonDir, objectFormat: ctx.repo.objectFormat },
    counts: { ...counts, refs: (await ctx.storage.refs.list('refs/milestones/')).size },
    remotes,
    settings: await settings(ctx),
    log: logTail(ctx),
  };
}
