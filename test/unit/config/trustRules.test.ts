import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/loadConfig';
import { keysNeedingTrust, requiresTrust, settingsHash } from '../../../src/config/trustRules';
import { settingUse } from '../../../src/core/trust/settingUsable';

const FILE = '/r/.milestones/config/milestone-config.yaml';
const TEXT = 'backend_override: postgresql\nindex.postgresql.url: postgres://u:p@h/db\nauto_branch: true\n';
const load = (gitConfig: Record<string, string> = {}, text = TEXT) =>
  resolveConfig({ yamlPath: FILE, displayPath: 'cfg.yaml', gitConfig, vars: {}, flags: {}, readFile: () => text });

describe('which settings need trust', () => {
  it('servers, a network backend, and keys named like URLs, commands or secrets; not the rest', () => {
    expect(requiresTrust('index.postgresql.url', 'x')).toBe(true);
    expect(requiresTrust('backend_override', 'postgresql')).toBe(true);
    expect(requiresTrust('backend_override', 'database')).toBe(true);
    expect(requiresTrust('backend_override', 'sqlite')).toBe(false);
    expect(requiresTrust('scale_thresholds.postgresql_milestones', 10)).toBe(true);
    expect(requiresTrust('scale_thresholds.sqlite_milestones', 10)).toBe(false);
    for (const k of ['workflow.verify_command', 'agents.task_executor.command', 'notify.webhook_url', 'x.api_token', 'x.webhook']) {
      expect([k, requiresTrust(k, 'v')]).toEqual([k, true]);
    }
    for (const k of ['commit_format', 'branch_prefix', 'git_integration.auto_cleanup_branches', 'agents.git_integration', 'cache.max_size']) {
      expect([k, requiresTrust(k, 'v')]).toEqual([k, false]);
    }
    expect(keysNeedingTrust({ a: { webhook_url: 'x', b: 1 }, auto_branch: true })).toEqual(['a.webhook_url']);
  });

  it('an untrusted file keeps its other values; its hash in git config makes it trusted; a changed file is not', () => {
    const u = load();
    expect(u.trust).toEqual({ file: 'cfg.yaml', state: 'untrusted', keys: ['backend_override', 'index.postgresql.url'], ignored: ['backend_override', 'index.postgresql.url'] });
    expect(u.values.auto_branch).toBe(true);
    expect(u.values.backend_override).toBeUndefined();
    expect(u.warnings.filter((w) => /not trusted/.test(w.message))).toHaveLength(1);
    expect(settingUse(u, 'index.postgresql.url')).toMatchObject({ usable: false, reason: expect.stringContaining('git milestone trust') });
    const t = load({ 'milestone.trusted-settings': settingsHash(TEXT) });
    expect(t.trust.state).toBe('trusted');
    expect(t.values.index?.postgresql?.url).toBe('postgres://u:p@h/db');
    expect(t.warnings).toEqual([]); // the trust key is not a setting (no "unknown key" warning)
    expect(settingUse(t, 'index.postgresql.url')).toMatchObject({ usable: true, origin: { layer: 'file' } });
    expect(load({ 'milestone.trusted-settings': settingsHash(TEXT) }, TEXT + '# edited\n').trust.state).toBe('untrusted');
  });

  it('git config, the environment and flags need no trust', () => {
    const r = resolveConfig({ yamlPath: null, gitConfig: { 'milestone.index.postgresql.url': 'postgres://g/db' }, vars: { MILESTONE_BACKEND_OVERRIDE: 'postgresql' }, flags: {} });
    expect(r.values.index?.postgresql?.url).toBe('postgres://g/db');
    expect(r.values.backend_override).toBe('postgresql');
    expect(settingUse(r, 'backend_override').usable).toBe(true);
  });
});
