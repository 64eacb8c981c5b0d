/**
 * The V8 code cache loader (src/cli/requireCached.ts, built to dist/): a module loads through it,
 * the cache is written beside it at exit, rewritten for a command word it has not seen, and a
 * bundle rebuilt to the same length, mtime and inode but another content hash gets a cache of its
 * own (the old one is deleted, never offered to it) and runs its own code.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const LOADER = path.resolve(__dirname, '../../../dist/cli/requireCached.js');
let dir: string;
let bundle: string;

function load(word: string, env: Record<string, string> = {}): string {
  const code = `console.log(require(${JSON.stringify(LOADER)}).requireCached(${JSON.stringify(bundle)}, ${JSON.stringify(word)}).value())`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}
const caches = () => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort();
const seen = () => fs.readFileSync(path.join(dir, `${caches()[0]}.seen`), 'utf8').split('\n');

function writeBundle(value: string, id: string): void {
  const before = fs.existsSync(bundle) ? fs.statSync(bundle) : null;
  fs.writeFileSync(bundle, `exports.value = function value() { return ${JSON.stringify(value)} + require('node:path').sep; };\n`);
  if (before) fs.utimesSync(bundle, before.atime, before.mtime); // same length, mtime and inode
  fs.writeFileSync(`${bundle}.id`, id);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-codecache-'));
  bundle = path.join(dir, 'main.bundle.js');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('requireCached', () => {
  it('loads the module, writes its cache at exit, and rewrites it once per new command word', () => {
    writeBundle('one', 'aaaa');
    expect(load('list')).toBe('one/');
    expect(caches()).toHaveLength(1);
    expect(seen()).toEqual(['list']);
    const written = fs.statSync(path.join(dir, caches()[0])).mtimeMs;
    expect(load('list')).toBe('one/');
    expect(fs.statSync(path.join(dir, caches()[0])).mtimeMs).toBe(written);
    expect(load('show')).toBe('one/');
    expect(seen()).toEqual(['list', 'show']);
  });

  it('gives a bundle with another content hash its own cache, even at the same length, mtime and inode', () => {
    writeBundle('one', 'aaaa');
    expect(load('list')).toBe('one/');
    const old = caches();
    writeBundle('two', 'bbbb');
    expect(load('list')).toBe('two/');
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toEqual(old);
  });

  it('GIT_MILESTONE_NO_CODE_CACHE=1 loads it plainly and writes nothing', () => {
    writeBundle('one', 'aaaa');
    expect(load('list', { GIT_MILESTONE_NO_CODE_CACHE: '1' })).toBe('one/');
    expect(caches()).toEqual([]);
  });
});
