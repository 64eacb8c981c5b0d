/** `git milestone config show|get|set|validate` */
import { configGet, configShow, type ConfigGetResult, type ConfigShowResult } from '../../core/config/configShow';
import { configSet, type ConfigSetResult } from '../../core/config/configSet';
import { configValidate, type ConfigValidateResult } from '../../core/config/configValidate';
import { formatIssue } from '../../config/formatIssue';
import type { CommandDef } from '../CommandDef';
import { table } from '../format';

const flatten = (v: unknown, prefix = ''): Array<[string, unknown]> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => flatten(x, prefix ? `${prefix}.${k}` : k))
    : [[prefix, v]];

const show: CommandDef<ConfigShowResult> = {
  summary: 'Show the settings in effect (defaults < .milestones/config/milestone-config.yaml < git config < MILESTONE_* < flags).',
  examples: ['git milestone config show', 'git milestone config show --origin', 'git milestone config show --json'],
  flags: { origin: { type: 'boolean', description: 'Say where each value came from.' } },
  execute: (ctx, input) => configShow(ctx, { origin: Boolean(input.flags.origin) }),
  text: (r) =>
    table(flatten(r.values).map(([k, v]) => {
      const o = r.origins?.[k];
      return [k, JSON.stringify(v), ...(r.origins ? [o ? `${o.layer}: ${o.source}${o.line ? `:${o.line}` : ''}` : ''] : [])];
    })) + r.warnings.map((w) => `\nwarning: ${formatIssue(w)}`).join(''),
};

const get: CommandDef<ConfigGetResult> = {
  summary: 'Print one setting.',
  examples: ['git milestone config get commit_format', 'git milestone config get git_integration.cleanup_after_days --json'],
  args: [{ name: 'key', description: 'Dotted key, e.g. cache.ttl.', required: true }],
  execute: (ctx, input) => configGet(ctx, { key: input.args.key as string }),
  text: (r) => (typeof r.value === 'string' ? r.value : JSON.stringify(r.value)),
};

const set: CommandDef<ConfigSetResult> = {
  summary: 'Write one setting to the shared settings file (or git config with --git).',
  description: 'The value is read as YAML (true, 5, text) and checked against the schema; an invalid value writes nothing. Comments in the file are kept.',
  examples: ['git milestone config set cache.ttl 300', 'git milestone config set --git branch_prefix ms/'],
  args: [
    { name: 'key', description: 'Dotted key.', required: true },
    { name: 'value', description: 'Value.', required: true },
  ],
  flags: { git: { type: 'boolean', description: 'Write `git config milestone.KEY` in this repository instead of the shared file.' } },
  execute: (ctx, input) => configSet(ctx, { key: input.args.key as string, value: input.args.value as string, git: Boolean(input.flags.git) }),
  text: (r) => `Set ${r.key} = ${JSON.stringify(r.value)} in ${r.target}`,
};

const validate: CommandDef<ConfigValidateResult> = {
  summary: 'Check a settings file and the git/environment settings; exit 1 if anything is wrong.',
  examples: ['git milestone config validate', 'git milestone config validate path/to/milestone-config.yaml --json'],
  args: [{ name: 'file', description: 'The file to check (default: the shared settings file).' }],
  execute: (ctx, input) => configValidate(ctx, { file: input.args.file }),
  text: (r) => [
    ...r.errors.map((e) => `error: ${formatIssue(e)}`),
    ...r.warnings.map((w) => `warning: ${formatIssue(w)}`),
    r.ok ? `${r.file ?? 'settings'}: valid` : `${r.file ?? 'settings'}: ${r.errors.length} error(s)`,
  ].join('\n'),
  exitCode: (r) => (r.ok ? 0 : 1),
};

export default [show, get, set, validate];
