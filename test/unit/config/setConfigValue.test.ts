import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { setConfigValue, parseValueString } from '../../../src/config/setConfigValue';
import { loadConfig } from '../../../src/config/loadConfig';
import { MilestoneError } from '../../../src/errors/MilestoneError';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-config-set-'));
  file = path.join(dir, '.milestones/config/milestone-config.yaml');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const read = () => fs.readFileSync(file, 'utf8');

describe('setConfigValue', () => {
  it('changes one value and keeps comments and the other keys', () => {
    write('# team settings\nauto_branch: false # off for now\n\ncache:\n  # seconds\n  ttl: 5\n  enabled: true\n');
    const r = setConfigValue({ path: file, key: 'cache.ttl', value: '60' });
    expect(r).toMatchObject({ value: 60, created: false, warnings: [] });
    expect(read()).toBe('# team settings\nauto_branch: false # off for now\n\ncache:\n  # seconds\n  ttl: 60\n  enabled: true\n');
  });

  it('keeps the inline comment of the value it replaces', () => {
    write('auto_branch: false # off for now\n');
    setConfigValue({ path: file, key: 'auto_branch', value: 'true' });
    expect(read()).toBe('auto_branch: true # off for now\n');
  });

  it('updates a flat dotted key in place and adds new keys to an existing section', () => {
    write('cache.ttl: 5\ngit_integration:\n  merge_strategy: merge\n');
    setConfigValue({ path: file, key: 'cache.ttl', value: '7' });
    setConfigValue({ path: file, key: 'git_integration.auto_merge', value: 'yes' });
    expect(read()).toBe('cache.ttl: 7\ngit_integration:\n  merge_strategy: merge\n  auto_merge: true\n');
    expect(loadConfig({ yamlPath: file, gitConfig: {}, vars: {}, flags: {} }).values.git_integration.auto_merge).toBe(true);
  });

  it('creates the file and its folders when missing', () => {
    const r = setConfigValue({ path: file, key: 'index.postgresql.url', value: 'postgres://db/x' });
    expect(r.created).toBe(true);
    expect(read()).toBe('index:\n  postgresql:\n    url: postgres://db/x\n');
  });

  it('refuses an invalid value and leaves the file byte-identical', () => {
    const original = '# keep me\r\ncache:\r\n  ttl:   5   # odd spacing\r\n';
    write(original);
    let err: unknown;
    try {
      setConfigValue({ path: file, key: 'cache.ttl', value: 'soon', displayPath: 'cfg.yaml' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MilestoneError);
    expect((err as MilestoneError).code).toBe('CONFIG_INVALID');
    expect((err as MilestoneError).message).toContain('cfg.yaml: cache.ttl: expected integer, got "soon"');
    expect(fs.readFileSync(file)).toEqual(Buffer.from(original));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['milestone-config.yaml']);
  });

  it('refuses to edit a malformed file, writing nothing', () => {
    write('a: 1\n b: 2\n');
    let written = false;
    expect(() =>
      setConfigValue({ path: file, key: 'auto_branch', value: 'true', writeFile: () => { written = true; } }),
    ).toThrow(/CONFIG|invalid settings/);
    expect(written).toBe(false);
  });

  it('accepts an unknown key with a warning', () => {
    const files = new Map<string, string>();
    const r = setConfigValue({ path: 'c.yaml', key: 'colour', value: 'dark', readFile: () => null, writeFile: (p, t) => files.set(p, t) });
    expect(r.warnings).toEqual([expect.objectContaining({ path: 'colour', severity: 'warning' })]);
    expect(files.get('c.yaml')).toBe('colour: dark\n');
  });

  it('reads value strings as YAML scalars', () => {
    expect(parseValueString('true')).toBe(true);
    expect(parseValueString('5')).toBe(5);
    expect(parseValueString('foo')).toBe('foo');
    expect(parseValueString('null')).toBeNull();
    expect(parseValueString('[alice, bob]')).toEqual(['alice', 'bob']);
    expect(parseValueString('feat({id}): {description}')).toBe('feat({id}): {description}');
    expect(parseValueString('a: b')).toBe('a: b');
    expect(parseValueString('')).toBe('');
  });
});
