/**
 * The settings that pick a backend, read through the full settings loader (yaml): only when
 * the settings key changed (scale.json caches the result) or PostgreSQL is actually used. Invalid
 * settings never stop a read: the built-in defaults apply and a warning says why. What an
 * untrusted settings file sets for a server (index.postgresql.*, backend_override: postgresql) is
 * left out by the loader: no connection is made and selectBackend warns.
 */
import { defaultConfig } from '../../config/defaults';
import type { LoadConfigResult } from '../../config/types';
import type { BackendSettings } from '../../domain/scaleDecision';
import type { Context } from '../context';
import { loadSettings } from '../config/loadSettings';

function thresholds(values: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries((values ?? {}) as Record<string, unknown>)) if (typeof v === 'number') out[k] = v;
  return out;
}

function fromValues(r: LoadConfigResult, vars: Context['env']['vars']): BackendSettings {
  const v = r.values;
  const url = v.index?.postgresql?.url || vars.DATABASE_URL;
  return {
    override: typeof v.backend_override === 'string' ? v.backend_override : null,
    ...(r.origins.backend_override ? { overrideSource: r.origins.backend_override.source } : {}),
    autoScale: v.auto_scale !== false,
    thresholds: thresholds(v.scale_thresholds),
    postgres: Boolean(url),
    ...(r.trust.ignored.length > 0 ? { untrusted: r.trust.ignored } : {}),
  };
}

export async function loadBackendSettings(ctx: Context): Promise<{ settings: BackendSettings; ok: boolean }> {
  try {
    return { settings: fromValues(await loadSettings(ctx), ctx.env.vars), ok: true };
  } catch (e) {
    ctx.env.err(`warning: settings not used to pick the index backend (${(e as Error).message.split('\n')[0]}); built-in defaults apply\n`);
    const d = defaultConfig();
    return { settings: { override: null, autoScale: d.auto_scale, thresholds: thresholds(d.scale_thresholds), postgres: Boolean(ctx.env.vars.DATABASE_URL) }, ok: false };
  }
}

/**
 * The PostgreSQL connection URL: `index.postgresql.url` (from the committed file only when it is
 * trusted), else DATABASE_URL; null when neither is set.
 */
export async function postgresUrl(ctx: Context): Promise<string | null> {
  return (await postgresSetting(ctx)).url;
}

/** The URL, and whether an untrusted settings file named one that was ignored (for the hint). */
export async function postgresSetting(ctx: Context): Promise<{ url: string | null; untrusted: boolean }> {
  let url: string | undefined;
  let untrusted = false;
  try {
    const r = await loadSettings(ctx);
    url = r.values.index?.postgresql?.url;
    untrusted = r.trust.ignored.some((k) => k.startsWith('index.postgresql'));
  } catch {
    url = undefined;
  }
  return { url: url || ctx.env.vars.DATABASE_URL || null, untrusted };
}
