import { describe, expect, it } from 'vitest';
import * as path from 'path';
import { loadConfig, type LoadConfigOptions } from '../../../src/config/loadConfig';
import { getConfigValue } from '../../../src/config/getConfigValue';
import { MilestoneError } from '../../../src/errors/MilestoneError';
import type { ConfigIssue } from '../../../src/config/types';

const FILE = '/repo/.milestones/config/milestone-config.yaml';
const FIXTURES = path.join(__dirname, '../../../fixtures/config');

function load(yaml: string | null, extra: Partial<LoadConfigOptions> = {}) {
  return loadConfig({
    yamlPath: FILE,
    displayPath: '.milestones/config/milestone-config.yaml',
    gitConfig: {},
    vars: {},
    flags: {},
    readFile: (p) => (p === FILE ? yaml : null),
    ...extra,
  });
}

function thrown(fn: () => unknown): MilestoneError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MilestoneError) return e;
    throw e;
  }
  throw new Error('expected a MilestoneError');
}

describe('loadConfig layering', () => {
  const fileText = '# settings\nlog:\n  level: debug\ncache:\n  ttl: 300\n';

  it('each higher layer wins and records its origin', () => {
    const d = load(null);
    expect(d.values.log.level).toBe('info');
    expect(d.origins['log.level']).toEqual({ layer: 'default', source: 'built-in default' });

    const f = load(fileText);
    expect(f.values.log.level).toBe('debug');
    expect(f.origins['log.level']).toEqual({ layer: 'file', source: '.milestones/config/milestone-config.yaml', line: 3 });

    const g = load(fileText, { gitConfig: { 'milestone.log.level': 'warn' } });
    expect(g.values.log.level).toBe('warn');
    expect(g.origins['log.level']).toEqual({ layer: 'git', source: 'git config milestone.log.level' });

    const e = load(fileText, { gitConfig: { 'milestone.log.level': 'warn' }, vars: { MILESTONE_LOG__LEVEL: 'error' } });
    expect(e.values.log.level).toBe('error');
    expect(e.origins['log.level']).toEqual({ layer: 'env', source: 'MILESTONE_LOG__LEVEL' });

    const fl = load(fileText, {
      gitConfig: { 'milestone.log.level': 'warn' },
      vars: { MILESTONE_LOG__LEVEL: 'error' },
      flags: { 'log.level': 'trace' },
    });
    expect(fl.values.log.level).toBe('trace');
    expect(fl.origins['log.level']).toEqual({ layer: 'flag', source: 'flag log.level' });
  });

  it('merges sections key by key instead of replacing them', () => {
    const r = load(fileText, { vars: { MILESTONE_CACHE__ENABLED: 'false' } });
    expect(r.values.cache).toEqual({ enabled: false, ttl: 300 });
    expect(r.origins['cache.ttl'].layer).toBe('file');
    expect(r.origins['cache.enabled'].layer).toBe('env');
    expect(r.origins['phase_weights.execute'].layer).toBe('default');
    expect(r.values.phase_weights).toEqual({ design: 15, spec: 25, task: 20, execute: 40 });
  });

  it('maps the legacy git keys to snake_case settings', () => {
    const r = load(null, {
      gitConfig: {
        'milestone.auto-branch': 'true',
        'milestone.commit-format': 'chore({id}): {description}',
        'milestone.branch-prefix': 'ms/',
        'milestone.cache.max-size': '10',
      },
    });
    expect(r.values.auto_branch).toBe(true);
    expect(r.values.commit_format).toBe('chore({id}): {description}');
    expect(r.values.branch_prefix).toBe('ms/');
    expect(r.values.cache.max_size).toBe(10);
    expect(r.origins.auto_branch).toEqual({ layer: 'git', source: 'git config milestone.auto-branch' });
  });

  it('works without a work tree (yamlPath null) and with a missing file', () => {
    expect(loadConfig({ yamlPath: null, gitConfig: {}, vars: {}, flags: {} }).values.branch_prefix).toBe('milestone/');
    expect(load(null).warnings).toEqual([]);
  });
});

describe('loadConfig file layer', () => {
  it('reads flat dotted keys as nested paths and merges both forms', () => {
    const r = load('cache:\n  enabled: false\ncache.ttl: 5\nfeatures.advanced_analytics: false\n');
    expect(r.values.cache).toEqual({ enabled: false, ttl: 5 });
    expect(getConfigValue(r.values, 'features.advanced_analytics')).toBe(false);
    expect(r.origins['cache.ttl']).toMatchObject({ layer: 'file', line: 3 });
  });

  it('warns about unknown keys with file and line, and keeps them', () => {
    const r = load('auto_scale: false\n\ncolour_scheme: dark\ncache:\n  flavour: vanilla\n');
    expect(r.warnings).toEqual([
      expect.objectContaining({ file: '.milestones/config/milestone-config.yaml', line: 3, path: 'colour_scheme', severity: 'warning' }),
      expect.objectContaining({ line: 5, path: 'cache.flavour', severity: 'warning' }),
    ]);
    expect(r.values.colour_scheme).toBe('dark');
    expect(r.values.auto_scale).toBe(false);
  });

  it('rejects a wrong type naming file, line and key, applying nothing', () => {
    const e = thrown(() => load('auto_branch: true\n\ncache:\n  ttl: soon\n'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('.milestones/config/milestone-config.yaml:4: cache.ttl: expected integer, got "soon"');
    expect(e.data?.issues).toEqual([
      expect.objectContaining({ line: 4, path: 'cache.ttl', severity: 'error' }),
    ]);
  });

  it('rejects malformed YAML with line and column', () => {
    const e = thrown(() => load('a: 1\nb:\n  c: 2\n d: 3\n'));
    expect(e.code).toBe('CONFIG_INVALID');
    const issue = (e.data?.issues as ConfigIssue[])[0];
    expect(issue).toMatchObject({ file: '.milestones/config/milestone-config.yaml', line: 4, severity: 'error' });
    expect(e.message).toMatch(/milestone-config\.yaml:4:\d+: /);
  });

  it('reports the same key written twice (nested and flat)', () => {
    const e = thrown(() => load('cache:\n  ttl: 1\ncache.ttl: 2\n'));
    expect((e.data?.issues as ConfigIssue[])[0]).toMatchObject({ line: 3, path: 'cache.ttl', message: expect.stringContaining('line 2') });
  });

  it('collects every issue of every layer before failing', () => {
    const e = thrown(() =>
      loadConfig({
        yamlPath: path.join(FIXTURES, 'wrong-type.yaml'),
        displayPath: 'wrong-type.yaml',
        gitConfig: { 'milestone.auto-branch': 'maybe' },
        vars: { MILESTONE_CACHE__TTL: 'later' },
        flags: {},
      }),
    );
    const lines = (e.data?.issues as ConfigIssue[]).map((i) => `${i.file ?? i.source}:${i.line ?? ''}:${i.path}`);
    expect(lines).toEqual([
      'wrong-type.yaml:7:cache.ttl',
      'wrong-type.yaml:9:branch_cleanup',
      'git config milestone.auto-branch::auto_branch',
      'MILESTONE_CACHE__TTL::cache.ttl',
    ]);
  });
});

describe('loadConfig git and environment values', () => {
  it('coerces strings by schema type', () => {
    const r = load(null, {
      gitConfig: { 'milestone.cache.enabled': 'no', 'milestone.phase-weights.design': '12.5' },
      vars: {
        MILESTONE_CACHE__TTL: '60',
        MILESTONE_AUTO_SCALE: '0',
        MILESTONE_APPROVAL_WORKFLOW__DESIGN_APPROVERS: 'alice, bob',
        MILESTONE_BACKEND_OVERRIDE: 'null',
        MILESTONE_COMMIT_FORMAT: '42',
      },
    });
    expect(r.values.cache).toEqual({ enabled: false, ttl: 60 });
    expect(r.values.auto_scale).toBe(false);
    expect(getConfigValue(r.values, 'approval_workflow.design_approvers')).toEqual(['alice', 'bob']);
    expect(r.values.backend_override).toBeNull();
    expect(r.values.commit_format).toBe('42');
  });

  it('a value that cannot be coerced is an error naming its source', () => {
    const e = thrown(() => load(null, { vars: { MILESTONE_AUTO_SCALE: 'sometimes' } }));
    expect(e.message).toContain('MILESTONE_AUTO_SCALE: auto_scale: expected boolean, got "sometimes"');
    const g = thrown(() => load(null, { gitConfig: { 'milestone.cache.ttl': '1.5' } }));
    expect(g.message).toContain('git config milestone.cache.ttl: cache.ttl: expected integer, got "1.5"');
  });

  it('ignores MILESTONE_DATA_PATH, empty values and variables outside the schema', () => {
    const r = load(null, { vars: { MILESTONE_DATA_PATH: '/x', MILESTONE_FOO: 'bar', MILESTONE_AUTO_BRANCH: '', PATH: '/bin' } });
    expect(r.values).not.toHaveProperty('data_path');
    expect(r.values).not.toHaveProperty('foo');
    expect(r.values.auto_branch).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it('flags win, keep typed values and coerce strings', () => {
    const r = load(null, { vars: { MILESTONE_AUTO_BRANCH: 'true' }, flags: { auto_branch: false, 'cache.ttl': '9', unused: undefined } });
    expect(r.values.auto_branch).toBe(false);
    expect(r.values.cache.ttl).toBe(9);
    expect(r.origins['cache.ttl']).toEqual({ layer: 'flag', source: 'flag cache.ttl' });
  });
});
