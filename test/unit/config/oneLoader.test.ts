/**
 * The hooks and the commands read settings through one loader: the same files, git config and
 * environment give the hooks' lean entry (readLeanSettings) the same values and, for the keys the
 * hooks use, word for word the same errors and warnings as the commands' entry. The trust rule
 * applies on both.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/config/formatIssue';
import { resolveConfig } from '../../../src/config/loadConfig';
import { concernsKeys } from '../../../src/config/readConfigFile';
import { gitConfigEntries, loaderInput } from '../../../src/core/config/settingsSources';
import { GIT_SETTING_KEYS, gitSettingsFromTree } from '../../../src/core/git/gitSettings';
import { readLeanSettings } from '../../../src/core/git/leanSettings';
import { findRepo } from '../../../src/storage/git/findRepo';
import { GitCliPorcelain } from '../../../src/storage/git/GitCliPorcelain';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
const file = () => path.join(repo.dir, '.milestones', 'config', 'milestone-config.yaml');

beforeAll(() => {
  repo = makeTmpRepo();
  fs.mkdirSync(path.dirname(file()), { recursive: true });
});
afterAll(() => repo.cleanup());

/** Both entries over the same repository, environment and file. */
function both(vars: Record<string, string> = {}) {
  const env = { ...gitEnv(), ...vars };
  const found = findRepo({ cwd: repo.dir, vars: env });
  const where = { repo: found, cwd: repo.dir, vars: env, git: new GitCliPorcelain({ repo: found, vars: env }) };
  const lean = readLeanSettings(where);
  const full = resolveConfig(loaderInput(where, gitConfigEntries(where), { flags: {} }));
  const about = (p: string) => concernsKeys(p, GIT_SETTING_KEYS);
  return {
    lean,
    full,
    fullWarnings: [...full.errors.filter((e) => about(e.path)).map((e) => `ignoring ${formatIssue(e)}`),
      ...full.warnings.filter((w) => about(w.path)).map(formatIssue)],
  };
}

const CASES: Array<[string, string, Record<string, string>?]> = [
  ['valid values from the file', 'commit_format: "chore({id}): {description}"\nauto_branch: true\ngit_integration:\n  cleanup_after_days: 3\n'],
  ['bad values: the file is skipped key by key', 'branch_prefix: 5\nbranch_cleanup: sometimes\ngit_integration.single_branch_mode: maybe\ncache:\n  ttl: soon\n'],
  ['a section of the wrong type', 'git_integration: 7\ncommit_format: "x {id}"\n'],
  ['a syntax error', 'commit_format: [oops\n'],
  ['an env value over a bad one', 'auto_branch: nope\n', { MILESTONE_AUTO_BRANCH: 'yes' }],
  ['a bad env value over a good file value', 'branch_prefix: team/\n', { MILESTONE_BRANCH_PREFIX: '' , MILESTONE_AUTO_BRANCH: 'perhaps' }],
  ['unknown keys next to wanted ones', 'commit_format: "{id}"\ngit_integration:\n  mystery: 1\n'],
];

describe('one settings loader for hooks and commands', () => {
  it.each(CASES)('%s: same values and same issues', (_name, text, vars) => {
    fs.writeFileSync(file(), text);
    repo.git(['config', 'milestone.commit-cleanup-days', '1']); // unknown git key: not a hook key, so not in either list
    const r = both(vars);
    expect(r.lean.warnings).toEqual(r.fullWarnings);
    expect(r.lean.settings).toEqual(gitSettingsFromTree(r.full.values));
    if (r.full.errors.some((e) => concernsKeys(e.path, GIT_SETTING_KEYS))) expect(r.lean.warnings.some((w) => w.startsWith('ignoring '))).toBe(true);
  });

  it('git config bad values are reported the same way on both', () => {
    fs.writeFileSync(file(), 'commit_format: "{id}"\n');
    repo.git(['config', 'milestone.git_integration.cleanup-after-days', 'soon']);
    const r = both();
    expect(r.lean.warnings).toEqual(r.fullWarnings);
    expect(r.lean.warnings[0]).toMatch(/^ignoring git config milestone\.git_integration\.cleanup-after-days: .*expected integer/);
    expect(r.lean.settings.cleanup.afterDays).toBe(7);
    repo.git(['config', '--unset', 'milestone.git_integration.cleanup-after-days']);
  });

  it('the trust rule is the same on both: an untrusted file sets no server, the hook keys still apply', () => {
    fs.writeFileSync(file(), 'commit_format: "ops({id}): {description}"\nindex:\n  postgresql:\n    url: postgres://x:pw@127.0.0.1/db\n');
    const r = both();
    expect(r.full.trust).toMatchObject({ state: 'untrusted', ignored: ['index.postgresql.url'] });
    expect(r.full.values.index).toBeUndefined();
    expect(r.lean.settings.commitFormat).toBe('ops({id}): {description}');
    expect(r.lean.warnings).toEqual(r.fullWarnings);
  });
});
