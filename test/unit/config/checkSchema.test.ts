/**
 * The settings checker (src/config/checkSchema.ts) stands in for ajv at run time. It is kept in
 * step here: every keyword the schema uses is one it checks, and for a corpus of good and bad
 * settings it finds the same failures (path and keyword, first per key) as ajv does.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkSchema, SUPPORTED_KEYWORDS } from '../../../src/config/checkSchema';
import { loadConfigSchema, type SchemaNode } from '../../../src/config/configSchema';
import { defaultConfig } from '../../../src/config/defaults';

const CORPUS: unknown[] = [
  {},
  defaultConfig(),
  { auto_branch: 'yes', commit_format: 5, branch_cleanup: 'sometimes', backend_override: null },
  { backend_override: 'postgresql', index: { postgresql: { url: 'postgres://u:p@h/db', port: 5 } } },
  { index: { mysql: {} }, scale_thresholds: { sqlite_milestones: -1, tasks: 2.5, authors: 'many' } },
  { phase_weights: { design: -0.5, spec: 'x', task: 20, execute: 1e400 }, log: { level: 'loud' } },
  { agents: { task_executor: true, custom: { any: 1 }, bad: 'no' }, coordination: { update_frequency: 1.5 } },
  { coordination: { resource_limits: { max_cpu_percent: 101, max_memory_mb: -2, other: 1 }, conflict_resolution: 3 } },
  { approval_workflow: { design_approvers: ['a', 2, null], spec_approvers: 'a', auto_approve_after: null } },
  { kiro_workflow: { approval_required: ['design'], phase_timeout: '24h' }, file_locking: { x: 1 }, session_locking: 'x' },
  { cache: { enabled: 1, ttl: 0, max_size: '100MB' }, performance: { max_concurrent_operations: 0, batch_size: 1 } },
  { monitoring: { anything: [1, 2] }, features: 3, debug: { level: 2, other: true }, no_such_key: 1 },
  { cache: { ttl: Infinity }, performance: { batch_size: NaN } },
  { git_integration: { cleanup_after_days: 7.5, merge_strategy: 'squash', complete_tasks_on_merge: 'no' } },
  [], 'text', null,
];

function ajvFailures(value: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(loadConfigSchema());
  validate(value);
  return firstPerKey((validate.errors ?? []).map((e: ErrorObject) => {
    const at = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/');
    if (e.keyword === 'additionalProperties') at.push(String(e.params.additionalProperty));
    return [at.join('.'), e.keyword] as [string, string];
  }));
}

function ours(value: unknown): string[] {
  return firstPerKey(checkSchema(value, loadConfigSchema()).map((e) => {
    const at = [...e.path];
    if (e.keyword === 'additionalProperties') at.push(String(e.params.additionalProperty));
    return [at.join('.'), e.keyword] as [string, string];
  }));
}

function firstPerKey(list: Array<[string, string]>): string[] {
  const seen = new Map<string, string>();
  for (const [p, k] of list) if (!seen.has(p)) seen.set(p, k);
  return [...seen].map(([p, k]) => `${p} ${k}`).sort();
}

function keywords(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keywords(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      out.add(k);
      if (k === 'properties' || k === 'definitions') Object.values(v as object).forEach((n) => keywords(n, out));
      else if (k !== 'enum' && k !== 'examples') keywords(v, out);
    }
  }
  return out;
}

describe('checkSchema', () => {
  it('checks every keyword the settings schema uses', () => {
    const used = [...keywords(loadConfigSchema(), new Set())];
    expect(used.filter((k) => !SUPPORTED_KEYWORDS.has(k))).toEqual([]);
  });

  it.each(CORPUS.map((v, i) => [i, v]))('finds what ajv finds (corpus %i)', (_i, value) => {
    expect(ours(value)).toEqual(ajvFailures(value));
  });

  it('the corpus does exercise failures of every checked kind', () => {
    const kinds = new Set(CORPUS.flatMap((v) => checkSchema(v, loadConfigSchema()).map((e) => e.keyword)));
    expect([...kinds].sort()).toEqual(['additionalProperties', 'enum', 'maximum', 'minimum', 'type']);
  });

  it('refuses a keyword it does not check instead of skipping it', () => {
    const schema: SchemaNode = { type: 'object', properties: { a: { type: 'string', pattern: '^x' } } };
    expect(() => checkSchema({ a: 'y' }, schema)).toThrow(/unsupported keyword pattern/);
  });
});
