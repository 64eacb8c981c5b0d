import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { CONFIG_SCHEMA_PATH, loadConfigSchema, schemaNodeAt } from '../../../src/config/configSchema';
import { defaultConfig } from '../../../src/config/defaults';
import { validateValues } from '../../../src/config/validateValues';

/** The settings keys listed in shared/legacy-format.md, "Settings used by that system". */
const LEGACY_KEYS = [
  'backend_override', 'auto_scale',
  'agents.task_executor', 'agents.progress_monitor', 'agents.git_integration', 'agents.dependency_validator', 'agents.blocker_detector',
  'coordination.update_frequency', 'coordination.conflict_resolution',
  'coordination.resource_limits.max_cpu_percent', 'coordination.resource_limits.max_memory_mb',
  'file_locking',
  'session_management.checkpoint_frequency', 'session_management.max_retry_attempts', 'session_management.backup_sessions',
  'session_management.auto_cleanup', 'session_management.multi_user', 'session_management.conflict_resolution',
  'session_management.shared_sessions',
  'session_locking', 'session_timeout',
  'kiro_workflow.approval_required', 'kiro_workflow.auto_transition', 'kiro_workflow.phase_timeout',
  'approval_workflow.design_approvers', 'approval_workflow.spec_approvers', 'approval_workflow.auto_approve_after',
  'approval_workflow.notification_channels',
  'cache.enabled', 'cache.ttl', 'cache.max_size',
  'performance.max_concurrent_operations', 'performance.batch_size',
  'git_integration.auto_cleanup_branches', 'git_integration.cleanup_after_days', 'git_integration.preserve_completed',
  'git_integration.merge_strategy', 'git_integration.single_branch_mode', 'git_integration.branch_naming',
  'git_integration.auto_merge',
  'monitoring', 'debug.level',
];
const OUR_KEYS = [
  'auto_branch', 'commit_format', 'branch_prefix', 'branch_cleanup', 'scale_thresholds.sqlite_milestones',
  'scale_thresholds.postgresql_milestones', 'index.postgresql.url', 'phase_weights.design', 'phase_weights.spec',
  'phase_weights.task', 'phase_weights.execute', 'log.level',
];

describe('milestone-config schema', () => {
  it('is found relative to the package root (works from src/config and dist/config)', () => {
    expect(CONFIG_SCHEMA_PATH).toBe(path.resolve(__dirname, '../../../schemas/milestone-config.schema.json'));
    expect(path.join(path.resolve(__dirname, '../../../dist/config'), '../../schemas')).toBe(path.dirname(CONFIG_SCHEMA_PATH));
    expect(fs.existsSync(CONFIG_SCHEMA_PATH)).toBe(true);
  });

  it('is a valid draft-07 schema under a strict ajv (the CLI skips this check for speed)', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, validateSchema: true });
    expect(() => ajv.compile(loadConfigSchema())).not.toThrow();
    expect(loadConfigSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('knows every legacy setting and every one of ours', () => {
    const missing = [...LEGACY_KEYS, ...OUR_KEYS].filter((k) => schemaNodeAt(k) === undefined);
    expect(missing).toEqual([]);
    expect(schemaNodeAt('no_such_key')).toBeUndefined();
    expect(schemaNodeAt('agents.custom_agent')).toMatchObject({ type: ['object', 'boolean'] });
    expect(schemaNodeAt('monitoring.anything')).toBeUndefined();
  });

  it('carries no defaults (they live in defaults.ts)', () => {
    // The `default` keyword anywhere; a setting named `default` (workflow.default) is a property, not a default.
    const withDefault: string[] = [];
    const walk = (node: unknown, where: string, isProperties = false): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'default' && !isProperties) withDefault.push(where);
        walk(v, `${where}/${k}`, k === 'properties' && !isProperties);
      }
    };
    walk(JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8')), '#');
    expect(withDefault).toEqual([]);
  });

  it('the built-in defaults validate and hold the documented values', () => {
    const d = defaultConfig();
    expect(validateValues(d, () => ({}))).toEqual({ errors: [], warnings: [] });
    expect(d).toMatchObject({
      commit_format: 'feat(milestone-{id}): {description}', branch_prefix: 'milestone/', auto_branch: false,
      auto_scale: true, branch_cleanup: 'conservative', scale_thresholds: { sqlite_milestones: 50 },
      coordination: { conflict_resolution: 'merge', lease_ttl: '30m' }, cache: { enabled: true }, log: { level: 'info' },
      phase_weights: { design: 15, spec: 25, task: 20, execute: 40 },
      git_integration: { auto_cleanup_branches: false, cleanup_after_days: 7, preserve_completed: true, merge_strategy: 'merge', single_branch_mode: false },
    });
    d.cache.enabled = false;
    expect(defaultConfig().cache.enabled).toBe(true); // a fresh copy each time
  });

  it('permissive where the legacy system was free-form', () => {
    const v = validateValues(
      { agents: { my_agent: { anything: [1, 2] } }, monitoring: { whatever: { deep: true } }, scale_thresholds: { hybrid_milestones: 10 } },
      () => ({}),
    );
    expect(v).toEqual({ errors: [], warnings: [] });
    const bad = validateValues({ scale_thresholds: { hybrid_milestones: 'many' } }, () => ({}));
    expect(bad.errors.map((e) => e.path)).toEqual(['scale_thresholds.hybrid_milestones']);
  });
});
