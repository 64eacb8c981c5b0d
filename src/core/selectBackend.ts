/**
 * Which index backend a read uses (see domain/scaleDecision.ts for the rules). Cheap on every
 * call: the settings come from scale.json while the settings key (a few stats) matches, the
 * milestone count while the refs fingerprint matches; only a change loads the settings (yaml)
 * or lists the refs, and the result is cached again. Trusting the settings file changes git
 * config, hence the settings key. Metrics that a configured threshold uses (tasks, bytes...) are
 * measured again when the refs moved.
 */
import { chooseBackend, metricsUsed, type BackendChoice, type BackendSettings, type ScaleMetrics } from '../domain/scaleDecision';
import { refPrefix } from '../storage/entity/layout';
import type { Context } from './context';
import { settingsFile } from './config/settingsFile';
import { loadBackendSettings } from './scale/backendSettings';
import { collectMetrics } from './scale/collectMetrics';
import { readScaleCache, writeScaleCache } from './scale/scaleCache';
import { settingsKey } from './scale/settingsKey';

export interface Selection extends BackendChoice {
  settings: BackendSettings;
  metrics: ScaleMetrics;
  metricsAt: string | null;
}

const warned = new WeakSet<Context>();

/** One warning per command: the committed settings file chose a server but is not trusted. */
function warnUntrusted(ctx: Context, s: BackendSettings): void {
  if (!s.untrusted?.length || warned.has(ctx)) return;
  warned.add(ctx);
  const file = settingsFile(ctx)?.display ?? 'the settings file';
  ctx.env.err(`warning: ${file} is not trusted, so ${s.untrusted.join(', ')} ${s.untrusted.length > 1 ? 'are' : 'is'} ignored`
    + ' (check the file, then run `git milestone trust`)\n');
}

export async function selectBackend(ctx: Context, o: { flag?: string; recalculate?: boolean } = {}): Promise<Selection> {
  const cache = o.recalculate ? null : readScaleCache(ctx.dataDir);
  const key = settingsKey(ctx);
  let dirty = false;
  let settings = cache?.settingsKey === key ? cache.settings : null;
  let cacheable = true;
  if (!settings) {
    const loaded = await loadBackendSettings(ctx);
    settings = loaded.settings;
    cacheable = loaded.ok;
    dirty = true;
  }
  const fp = await ctx.storage.refs.fingerprint(refPrefix('milestone'));
  let milestones = cache?.milestones ?? 0;
  const refsMoved = !cache || fp.racy || cache.refsToken !== fp.token;
  if (refsMoved) {
    milestones = (await ctx.storage.refs.list(refPrefix('milestone'))).size;
    dirty = true;
  }
  let metrics: ScaleMetrics | null = cache?.metrics ?? null;
  let metricsAt = cache?.metricsAt ?? null;
  // A threshold on another metric (tasks, bytes...) follows the refs too; the default uses none.
  const used = metricsUsed(settings).filter((m) => m !== 'milestones');
  const needed = o.recalculate ? ['all'] : used.filter((m) => refsMoved || metrics?.[m] === undefined);
  if (needed.length > 0) {
    metrics = await collectMetrics(ctx);
    metricsAt = ctx.env.clock().toISOString();
    dirty = true;
  }
  const current: ScaleMetrics = { ...(metrics ?? {}), milestones };
  warnUntrusted(ctx, settings);
  if (dirty && cacheable) {
    writeScaleCache(ctx.dataDir, { settingsKey: key, settings, refsToken: fp.racy ? null : fp.token, milestones, metrics, metricsAt });
  }
  return { ...chooseBackend(settings, current, o.flag), settings, metrics: current, metricsAt };
}
