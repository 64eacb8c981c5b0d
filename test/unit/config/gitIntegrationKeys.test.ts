/** The setting added by the git integration: git_integration.complete_tasks_on_merge (schema + default). */
import { describe, expect, it } from 'vitest';
import { schemaNodeAt } from '../../../src/config/configSchema';
import { defaultConfig } from '../../../src/config/defaults';
import { validateValues } from '../../../src/config/validateValues';
import { gitSettingsFromTree } from '../../../src/core/git/gitSettings';

describe('git_integration.complete_tasks_on_merge', () => {
  it('is in the schema as a boolean and defaults to true', () => {
    expect(schemaNodeAt('git_integration.complete_tasks_on_merge')).toMatchObject({ type: 'boolean' });
    expect(defaultConfig().git_integration.complete_tasks_on_merge).toBe(true);
    expect(validateValues({ git_integration: { complete_tasks_on_merge: false } }, () => ({}))).toEqual({ errors: [], warnings: [] });
    expect(validateValues({ git_integration: { complete_tasks_on_merge: 'sometimes' } }, () => ({})).errors).toHaveLength(1);
  });

  it('reaches the git settings, with every other git key', () => {
    const s = gitSettingsFromTree({ ...defaultConfig(), git_integration: { ...defaultConfig().git_integration, complete_tasks_on_merge: false, branch_naming: 'ms-{id}' } });
    expect(s).toMatchObject({ commitFormat: 'feat(milestone-{id}): {description}', naming: { prefix: 'milestone/', pattern: 'ms-{id}' }, autoBranch: false, singleBranch: false });
    expect(s.cleanup).toEqual({ mode: 'conservative', auto: false, afterDays: 7, preserveCompleted: true, mergeStrategy: 'merge', completeOnMerge: false });
  });
});
