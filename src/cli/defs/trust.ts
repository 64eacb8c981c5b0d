/** `git milestone trust [--show] [--revoke]` */
import { trustSettings, type TrustResult } from '../../core/trust/trustSettings';
import type { CommandDef } from '../CommandDef';

function text(r: TrustResult): string {
  if (!r.exists) return r.action === 'revoked' ? 'Trust revoked; there is no settings file.' : `There is no settings file${r.file ? ` (${r.file})` : ''}.`;
  const keys = r.keys.length > 0 ? r.keys.join(', ') : 'no setting that needs trust';
  const short = (h: string | null) => (h ? h.slice(0, 12) : '');
  if (r.action === 'trusted') return `Trusted ${r.file} (sha256 ${short(r.sha256)}): it may set ${keys}.`;
  if (r.action === 'revoked') return `Trust revoked: ${r.file} no longer sets ${keys}.`;
  if (r.trusted) return `${r.file} is trusted (sha256 ${short(r.sha256)}): it may set ${keys}.`;
  const changed = r.trustedSha256 ? ' It changed since it was trusted.' : '';
  return `${r.file} is not trusted, so it may not set ${keys}.${changed} Check the file, then run \`git milestone trust\`.`;
}

const def: CommandDef<TrustResult> = {
  summary: 'Let the committed settings file choose servers, URLs and commands in this clone (or --revoke).',
  description: 'A cloned repository must not choose where your data or credentials go: settings such as index.postgresql.url, backend_override: postgresql and any URL, command or secret key are ignored in .milestones/config/milestone-config.yaml until this clone trusts the file. Trusting records the sha256 of its exact content in git config milestone.trusted-settings; when the file changes, trust it again. The same settings always work from git config, MILESTONE_* variables or flags.',
  examples: ['git milestone trust --show', 'git milestone trust', 'git milestone trust --revoke', 'git milestone trust --show --json'],
  flags: {
    show: { type: 'boolean', description: 'Only say whether the settings file is trusted, and which of its keys need it.' },
    revoke: { type: 'boolean', description: 'Stop trusting the settings file.' },
  },
  execute: (ctx, input) => trustSettings(ctx, { show: Boolean(input.flags.show), revoke: Boolean(input.flags.revoke) }),
  text,
};
export default def;
