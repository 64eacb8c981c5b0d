import { describe, expect, it } from 'vitest';
import { envVarToPath, gitKeyToPath } from '../../../src/config/keyMapping';
import { coerceValue } from '../../../src/config/coerceValue';
import { schemaNodeAt } from '../../../src/config/configSchema';
import { getConfigValue } from '../../../src/config/getConfigValue';
import { mergeLayer } from '../../../src/config/layerTree';
import type { ConfigOrigin } from '../../../src/config/types';

describe('key mapping', () => {
  it('maps git keys: kebab-case last segment to snake_case, other segments as dotted path', () => {
    expect(gitKeyToPath('milestone.auto-branch')).toBe('auto_branch');
    expect(gitKeyToPath('milestone.commit-format')).toBe('commit_format');
    expect(gitKeyToPath('milestone.branch-prefix')).toBe('branch_prefix');
    expect(gitKeyToPath('milestone.cache.ttl')).toBe('cache.ttl');
    expect(gitKeyToPath('milestone.git_integration.auto-merge')).toBe('git_integration.auto_merge');
    expect(gitKeyToPath('milestone.a.b.c')).toBe('a.b.c');
    expect(gitKeyToPath('core.editor')).toBeNull();
    expect(gitKeyToPath('milestone.')).toBeNull();
  });

  it('maps env names: __ is a dot, lowercased; single _ stays', () => {
    expect(envVarToPath('MILESTONE_CACHE__TTL')).toBe('cache.ttl');
    expect(envVarToPath('MILESTONE_AUTO_SCALE')).toBe('auto_scale');
    expect(envVarToPath('MILESTONE_COORDINATION__RESOURCE_LIMITS__MAX_CPU_PERCENT')).toBe('coordination.resource_limits.max_cpu_percent');
    expect(envVarToPath('MILESTONE_DATA_PATH')).toBeNull();
    expect(envVarToPath('MILESTONE_')).toBeNull();
    expect(envVarToPath('MILESTONE_A___B')).toBeNull();
    expect(envVarToPath('HOME')).toBeNull();
  });
});

describe('coerceValue', () => {
  const at = (p: string) => schemaNodeAt(p);
  it('booleans', () => {
    for (const t of ['true', 'yes', '1', 'On', 'TRUE']) expect(coerceValue(t, at('auto_branch'))).toEqual({ ok: true, value: true });
    for (const f of ['false', 'no', '0', 'off']) expect(coerceValue(f, at('auto_branch'))).toEqual({ ok: true, value: false });
    expect(coerceValue('maybe', at('auto_branch'))).toEqual({ ok: false, expected: 'boolean' });
  });
  it('integers and numbers', () => {
    expect(coerceValue('60', at('cache.ttl'))).toEqual({ ok: true, value: 60 });
    expect(coerceValue('1.5', at('cache.ttl'))).toEqual({ ok: false, expected: 'integer' });
    expect(coerceValue('12.5', at('phase_weights.design'))).toEqual({ ok: true, value: 12.5 });
    expect(coerceValue('', at('phase_weights.design')).ok).toBe(false);
  });
  it('unions, enums with null, lists, unknown keys', () => {
    expect(coerceValue('30', at('coordination.update_frequency'))).toEqual({ ok: true, value: 30 });
    expect(coerceValue('30s', at('coordination.update_frequency'))).toEqual({ ok: true, value: '30s' });
    expect(coerceValue('null', at('backend_override'))).toEqual({ ok: true, value: null });
    expect(coerceValue('sqlite', at('backend_override'))).toEqual({ ok: true, value: 'sqlite' });
    expect(coerceValue('a,b', at('approval_workflow.spec_approvers'))).toEqual({ ok: true, value: ['a', 'b'] });
    expect(coerceValue('["a b"]', at('approval_workflow.spec_approvers'))).toEqual({ ok: true, value: ['a b'] });
    expect(coerceValue('{"x":1}', at('monitoring'))).toEqual({ ok: true, value: { x: 1 } });
    expect(coerceValue('5', undefined)).toEqual({ ok: true, value: '5' });
  });
});

describe('getConfigValue and mergeLayer', () => {
  it('reads dotted paths and whole sections', () => {
    const v = { cache: { ttl: 5 }, a: null };
    expect(getConfigValue(v, 'cache.ttl')).toBe(5);
    expect(getConfigValue(v, 'cache')).toEqual({ ttl: 5 });
    expect(getConfigValue(v, 'cache.ttl.x')).toBeUndefined();
    expect(getConfigValue(v, 'a.b')).toBeUndefined();
    expect(getConfigValue(v, 'toString')).toBeUndefined();
  });
  it('a scalar replacing a section drops the section origins, and back', () => {
    const values: Record<string, unknown> = {};
    const origins: Record<string, ConfigOrigin> = {};
    mergeLayer(values, { agents: { x: { enabled: true } } }, origins, () => ({ layer: 'file', source: 'f' }));
    expect(Object.keys(origins)).toEqual(['agents.x.enabled']);
    mergeLayer(values, { agents: { x: false } }, origins, () => ({ layer: 'env', source: 'E' }));
    expect(values).toEqual({ agents: { x: false } });
    expect(origins).toEqual({ 'agents.x': { layer: 'env', source: 'E' } });
    mergeLayer(values, { agents: { x: { y: 1 } } }, origins, () => ({ layer: 'flag', source: 'F' }));
    expect(origins).toEqual({ 'agents.x.y': { layer: 'flag', source: 'F' } });
  });
});
