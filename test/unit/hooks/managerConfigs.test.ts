/**
 * git-milestone's line in `.husky/<hook>` and its entry in lefthook's config, on files in a temp
 * dir: added first (after a `#!` line; `priority: 1`, or at the top of `jobs:`), refreshed, found,
 * and removed leaving the user's file exactly as it was (a script that held only our line goes).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOOK_NAMES } from '../../../src/core/hooks/hookFiles';
import { addHuskyLine, hasHuskyLine, huskyLine, removeHuskyLine } from '../../../src/core/hooks/huskyLines';
import { addLefthookEntries, hasLefthookEntry, removeLefthookEntries } from '../../../src/core/hooks/lefthookEntries';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-managers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('husky lines', () => {
  const dir = path.join(tmp, '.husky');
  it('go first (after #!), once; removal restores the script byte for byte', () => {
    fs.mkdirSync(dir);
    const user = '#!/usr/bin/env sh\nnpx --no -- commitlint --edit "$1"\n';
    fs.writeFileSync(path.join(dir, 'commit-msg'), user);
    expect(addHuskyLine(dir, 'commit-msg')).toBe('added');
    expect(addHuskyLine(dir, 'commit-msg')).toBe('unchanged');
    const lines = fs.readFileSync(path.join(dir, 'commit-msg'), 'utf8').split('\n');
    expect(lines.slice(0, 3)).toEqual(['#!/usr/bin/env sh', huskyLine('commit-msg'), 'npx --no -- commitlint --edit "$1"']);
    expect(hasHuskyLine(dir, 'commit-msg')).toBe(true);
    expect(removeHuskyLine(dir, 'commit-msg')).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'commit-msg'), 'utf8')).toBe(user);
    expect(removeHuskyLine(dir, 'commit-msg')).toBe(false);
  });

  it('a script created for our line alone is removed with it; an old line is refreshed in place', () => {
    expect(addHuskyLine(dir, 'post-merge')).toBe('added');
    expect(removeHuskyLine(dir, 'post-merge')).toBe(true);
    expect(fs.existsSync(path.join(dir, 'post-merge'))).toBe(false);
    const file = path.join(dir, 'post-commit');
    fs.writeFileSync(file, `echo before\n${huskyLine('post-commit').replace('post-commit;', 'old;')}\necho after\n`);
    expect(addHuskyLine(dir, 'post-commit')).toBe('updated');
    expect(fs.readFileSync(file, 'utf8')).toBe(`echo before\n${huskyLine('post-commit')}\necho after\n`);
  });
});

describe('lefthook entries', () => {
  it('commands get a git-milestone command with priority 1; jobs get a job at the top; removal restores the file', () => {
    const file = path.join(tmp, 'lefthook.yml');
    const user = [
      '# shared hooks',
      'pre-commit:',
      '  parallel: true',
      '  jobs:',
      '    - name: lint',
      '      run: npx eslint {staged_files}',
      'commit-msg:',
      '  commands:',
      '    commitlint:',
      '      run: npx commitlint --edit {1} # checks the formatted message',
      '',
    ].join('\n');
    fs.writeFileSync(file, user);
    const r = addLefthookEntries(file, HOOK_NAMES);
    expect(Object.values(r)).toEqual(Array(6).fill('added'));
    const YAML = require('yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    expect(doc['pre-commit'].jobs.map((j: any) => j.name)).toEqual(['git-milestone', 'lint']);
    expect(doc['commit-msg'].commands['git-milestone']).toMatchObject({ priority: 1, run: expect.stringMatching(/hooks\/commit-msg; .* "\$gm" \{0\}$/) });
    expect(doc['post-commit'].commands['git-milestone'].run).toMatch(/hooks\/post-commit; \[ ! -x "\$gm" \] \|\| "\$gm"$/);
    expect(HOOK_NAMES.every((h) => hasLefthookEntry(file, h))).toBe(true);
    expect(Object.values(addLefthookEntries(file, HOOK_NAMES))).toEqual(Array(6).fill('unchanged'));
    expect(removeLefthookEntries(file, HOOK_NAMES)).toEqual([...HOOK_NAMES]);
    expect(fs.readFileSync(file, 'utf8')).toBe(user);
  });

  it('an empty config gets the entries; invalid YAML is refused and left as it was', () => {
    const empty = path.join(tmp, 'empty.yml');
    fs.writeFileSync(empty, '');
    addLefthookEntries(empty, ['pre-commit']);
    expect(hasLefthookEntry(empty, 'pre-commit')).toBe(true);
    const bad = path.join(tmp, 'bad.yml');
    fs.writeFileSync(bad, 'pre-commit: [\n');
    expect(() => addLefthookEntries(bad, ['pre-commit'])).toThrow(/Fix lefthook|bad\.yml/);
    expect(fs.readFileSync(bad, 'utf8')).toBe('pre-commit: [\n');
  });
});
