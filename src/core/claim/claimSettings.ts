/**
 * What claims read from settings: `coordination.lease_ttl` (default 30m) and
 * `coordination.claims_remote` (claims made on that remote; default none: local claims). Read
 * through the one loader restricted to these keys, so the YAML file is parsed only when it names
 * them (a claim must start about as fast as node). Also who claims: the git identity and the agent
 * name (`--as`, else MILESTONE_AGENT, else the host name).
 */
import * as os from 'node:os';
import { resolveConfig } from '../../config/loadConfig';
import type { Claimant } from '../../domain/claim/claimRules';
import { parseDuration } from '../../domain/workflow/staleness';
import { MilestoneError } from '../../errors/MilestoneError';
import { gitConfigEntries, loaderInput } from '../config/settingsSources';
import type { Context } from '../context';

export const DEFAULT_LEASE_TTL_MS = 30 * 60_000;
const KEYS = ['coordination.lease_ttl', 'coordination.claims_remote'];

export interface ClaimSettings {
  ttlMs: number;
  remote: string | null;
}

export function claimSettings(ctx: Context): ClaimSettings {
  const where = { repo: ctx.repo, cwd: ctx.env.cwd, vars: ctx.env.vars, git: ctx.git };
  const r = resolveConfig(loaderInput(where, gitConfigEntries(where), { flags: {}, keys: KEYS }));
  const coordination = (r.values.coordination ?? {}) as Record<string, unknown>;
  const ttl = coordination.lease_ttl;
  const remote = coordination.claims_remote;
  return {
    ttlMs: ttl === undefined ? DEFAULT_LEASE_TTL_MS : leaseTtl(ttl, 'coordination.lease_ttl'),
    remote: typeof remote === 'string' && remote.trim() !== '' ? remote.trim() : null,
  };
}

/** A lease length (`30m`, `90s`, `2h`; a bare number means minutes) in ms; INVALID_INPUT otherwise. */
export function leaseTtl(value: unknown, what = '--ttl'): number {
  const minutes = typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value));
  const ms = minutes ? Number(value) * 60_000 : parseDuration(value);
  if (ms === null || !Number.isFinite(ms) || ms < 1000 || ms > 7 * 86_400_000) {
    throw new MilestoneError('INVALID_INPUT', `${what}: ${JSON.stringify(value)} is not a lease length between 1s and 7d`, {
      hint: 'Write it as 90s, 30m, 2h or 1d (a bare number means minutes).',
    });
  }
  return ms;
}

/** Who claims: this clone's git identity, and the agent name. */
export function claimant(ctx: Context, agent?: string): Claimant {
  const { author } = ctx.who();
  const name = (agent ?? ctx.env.vars.MILESTONE_AGENT ?? '').trim() || os.hostname();
  return { holder: `${author.name} <${author.email}>`, agent: name };
}
