import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/env/atomicWrite';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-atomic-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates and replaces a file whole, leaving no temp file', () => {
    const file = path.join(dir, 'a', 'b.json');
    writeFileAtomic(file, '{"v":1}', { mkdir: true });
    writeFileAtomic(file, Buffer.from('{"v":2}'));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['b.json']);
  });

  it('sets the mode it is given', () => {
    const file = path.join(dir, 'hook');
    writeFileAtomic(file, '#!/bin/sh\n', { mode: 0o755 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o755);
  });

  it('on failure removes its temp file, rethrows, and leaves the target as it was', () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readdirSync(target)).toEqual(['inside']);
  });

  it('without mkdir, a missing folder is an error, not a silent create', () => {
    expect(() => writeFileAtomic(path.join(dir, 'no', 'such'), 'x')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
