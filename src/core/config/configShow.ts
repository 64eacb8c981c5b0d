/**
 * `git milestone config show [--origin]` and `config get KEY`: effective settings, and where each
 * value came from.
 */
import { getConfigValue } from '../../config/getConfigValue';
import { maskSettings } from '../../config/maskSetting';
import type { ConfigIssue, ConfigOrigin } from '../../config/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { loadSettings } from './loadSettings';

export interface ConfigShowResult {
  values: Record<string, unknown>;
  origins?: Record<string, ConfigOrigin>;
  warnings: ConfigIssue[];
}

/** Secrets are masked (config/maskSetting.ts, as in `doctor --report`); `config get KEY` shows one as is. */
export async function configShow(ctx: Context, o: { origin: boolean }): Promise<ConfigShowResult> {
  const r = await loadSettings(ctx);
  return { values: maskSettings(r.values as unknown as Record<string, unknown>), ...(o.origin ? { origins: r.origins } : {}), warnings: r.warnings };
}

export interface ConfigGetResult {
  key: string;
  value: unknown;
  origin: ConfigOrigin | null;
}

export async function configGet(ctx: Context, o: { key: string }): Promise<ConfigGetResult> {
  const r = await loadSettings(ctx);
  const value = getConfigValue(r.values as unknown as Record<string, unknown>, o.key);
  if (value === undefined) {
    throw new MilestoneError('NOT_FOUND', `no setting "${o.key}"`, { hint: '`git milestone config show` lists every setting in effect.', data: { key: o.key } });
  }
  return { key: o.key, value, origin: r.origins[o.key] ?? null };
}
