/**
 * `git milestone trust [--revoke] [--show]`: whether this clone lets the committed settings file
 * choose the keys that need trust (where data or credentials go, commands to run: see
 * config/trustRules.ts). Trusting records the sha256 of the file's exact text in the repository's
 * git config `milestone.trusted-settings`, so a changed file needs trusting again (as with direnv
 * or mise); `--revoke` removes it. With `--show`, or when nothing changes, it only says the state.
 */
import { readConfigFile } from '../../config/readConfigFile';
import { keysNeedingTrust, settingsHash, TRUSTED_SETTINGS_KEY } from '../../config/trustRules';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { settingsFile } from '../config/settingsFile';
import { gitConfigEntries } from '../config/settingsSources';

export interface TrustResult {
  /** The settings file (relative to the work tree where possible); null in a bare repository. */
  file: string | null;
  exists: boolean;
  /** sha256 of the file's text now; null when there is no file. */
  sha256: string | null;
  /** The sha256 this clone trusts (git config milestone.trusted-settings), or null. */
  trustedSha256: string | null;
  /** Whether the file as it is now is trusted. */
  trusted: boolean;
  /** The file's keys that need trust (ignored unless `trusted`). */
  keys: string[];
  action: 'trusted' | 'revoked' | 'none';
}

function setTrust(ctx: Context, value: string | null): void {
  if (value === null) ctx.git.configUnset(TRUSTED_SETTINGS_KEY, '', { local: true });
  else ctx.git.configSet(TRUSTED_SETTINGS_KEY, value, { local: true });
}

export async function trustSettings(ctx: Context, o: { revoke?: boolean; show?: boolean }): Promise<TrustResult> {
  const where = settingsFile(ctx);
  const check = where ? readConfigFile({ path: where.path, displayPath: where.display }) : null;
  const sha256 = check?.text != null ? settingsHash(check.text) : null;
  const recorded = gitConfigEntries({ repo: ctx.repo, cwd: ctx.env.cwd, vars: ctx.env.vars, git: ctx.git })[TRUSTED_SETTINGS_KEY] ?? null;
  const state = (trustedSha256: string | null, action: TrustResult['action']): TrustResult => ({
    file: where?.display ?? null,
    exists: sha256 !== null,
    sha256,
    trustedSha256,
    trusted: sha256 !== null && trustedSha256 === sha256,
    keys: check ? keysNeedingTrust(check.values) : [],
    action,
  });
  if (o.show) return state(recorded, 'none');
  if (o.revoke) {
    if (recorded === null) return state(null, 'none');
    setTrust(ctx, null);
    return state(null, 'revoked');
  }
  if (sha256 === null) {
    throw new MilestoneError('NOT_FOUND', `there is no settings file to trust${where ? ` (${where.display})` : ''}`, {
      hint: 'Settings that need trust can also be set with `git milestone config set --git KEY VALUE`.',
    });
  }
  if (recorded === sha256) return state(recorded, 'none');
  setTrust(ctx, sha256);
  return state(sha256, 'trusted');
}

/**
 * `config set` writing the settings file keeps this clone's trust in step with its own write: when
 * the file was trusted, or set nothing that needs trust, before the write, its new content is
 * trusted (the only new such key is the one the user just set). Returns whether it did so.
 */
export function keepTrustAcrossWrite(ctx: Context, before: string | null, after: string): boolean {
  const recorded = gitConfigEntries({ repo: ctx.repo, cwd: ctx.env.cwd, vars: ctx.env.vars, git: ctx.git })[TRUSTED_SETTINGS_KEY] ?? null;
  const parse = (text: string) => readConfigFile({ path: '-', readFile: () => text }).values;
  const wasTrusted = before !== null && recorded === settingsHash(before);
  const neededNone = before === null || keysNeedingTrust(parse(before)).length === 0;
  if (!(wasTrusted || neededNone) || keysNeedingTrust(parse(after)).length === 0) return false;
  setTrust(ctx, settingsHash(after));
  return true;
}
