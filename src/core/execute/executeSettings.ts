/**
 * What `execute` runs with: flags over settings. The agent and verify commands are commands, so a
 * value from the committed settings file is used only while this clone trusts that file's exact
 * content (config/trustRules.ts: the loader leaves it out otherwise, and settingUse says why);
 * flags, git config and the environment are this clone's own and run as given.
 */
import { COORDINATIONS, type Coordination } from '../../domain/execute/schedule';
import { parseDuration } from '../../domain/workflow/staleness';
import { MilestoneError } from '../../errors/MilestoneError';
import type { LoadConfigResult } from '../../config/types';
import type { MergeMode } from '../../storage/ports';
import { loadSettings } from '../config/loadSettings';
import type { Context } from '../context';
import { settingUse } from '../trust/settingUsable';

export interface ExecuteFlags {
  agents?: number;
  coordination?: string;
  agentCommand?: string;
  verifyCommand?: string;
  timeout?: string;
  maxRetries?: number;
}

export interface ExecuteSettings {
  agents: number;
  coordination: Coordination;
  command: string | null;
  verify: string | null;
  timeoutMs: number | undefined;
  maxRetries: number;
  /** git_integration.merge_strategy: merge (a merge commit), squash, or rebase (then fast-forward). */
  strategy: 'merge' | 'squash' | 'rebase';
  mergeMode: MergeMode;
  /** session_management.checkpoint_frequency, besides the checkpoint after every task. */
  checkpointMs: number | null;
}

function command(r: LoadConfigResult, key: string, flag: string | undefined): string | null {
  if (flag !== undefined) return flag;
  const use = settingUse(r, key);
  if (!use.usable) {
    throw new MilestoneError('UNTRUSTED_COMMAND', `${key} is not run: ${use.reason ?? 'the settings file is not trusted'}`, {
      hint: 'Give the command as a flag for this run, or read the file and run `git milestone trust`.',
      data: { key },
    });
  }
  return typeof use.value === 'string' && use.value.trim() !== '' ? use.value : null;
}

/** A bare number is seconds for --timeout; settings durations follow the workflow's rule (hours). */
function durationMs(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const v = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? `${value.trim()}s` : value;
  const ms = parseDuration(v);
  if (ms === null || ms <= 0) throw new MilestoneError('USAGE', `${what} must be a duration such as 90s, 30m or 2h`);
  return ms;
}

export async function executeSettings(ctx: Context, f: ExecuteFlags): Promise<ExecuteSettings> {
  const r = await loadSettings(ctx);
  const v = r.values as unknown as Record<string, Record<string, unknown> | undefined>;
  const coordination = (f.coordination ?? 'parallel') as Coordination;
  if (!COORDINATIONS.includes(coordination)) {
    throw new MilestoneError('USAGE', `--coordination must be one of ${COORDINATIONS.join(', ')}`);
  }
  const agents = f.agents ?? 1;
  if (!Number.isInteger(agents) || agents < 1 || agents > 64) throw new MilestoneError('USAGE', '--agents must be 1 to 64');
  const retries = f.maxRetries ?? v.session_management?.max_retry_attempts ?? 2;
  if (!Number.isInteger(retries) || (retries as number) < 0) throw new MilestoneError('USAGE', '--max-retries must be 0 or more');
  const raw = String(v.git_integration?.merge_strategy ?? 'merge');
  const strategy = raw === 'squash' || raw === 'rebase' ? raw : 'merge';
  return {
    agents,
    coordination,
    command: command(r, 'agents.command', f.agentCommand),
    verify: command(r, 'agents.verify_command', f.verifyCommand),
    timeoutMs: durationMs(f.timeout ?? v.agents?.timeout, '--timeout'),
    maxRetries: retries as number,
    strategy,
    mergeMode: strategy === 'squash' ? 'squash' : strategy === 'rebase' ? 'ff-only' : 'merge',
    checkpointMs: durationMs(v.session_management?.checkpoint_frequency, 'session_management.checkpoint_frequency') ?? null,
  };
}
