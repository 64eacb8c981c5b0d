import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createNodeEnv, setLogDir } from '../../../src/env/nodeEnv';
import { createTestEnv } from '../../../src/env/testEnv';
import { LOG_FILE_NAME } from '../../../src/env/logger';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-nodeenv-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createNodeEnv', () => {
  it('wires the process: streams, clock, nonces, cwd, vars, interactive', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const env = createNodeEnv();
    env.out('result\n');
    env.err('warning\n');
    expect(out).toHaveBeenCalledWith('result\n');
    expect(err).toHaveBeenCalledWith('warning\n');
    expect(Math.abs(env.clock().getTime() - Date.now())).toBeLessThan(5000);
    const a = env.nonce();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(env.nonce()).not.toBe(a);
    expect(env.cwd).toBe(process.cwd());
    expect(env.vars).toBe(process.env);
    expect(env.interactive).toBe(Boolean(process.stderr.isTTY));
  });

  it('sends verbose log lines to stderr', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    createNodeEnv({ verbose: true }).log.debug('hello');
    expect(err).toHaveBeenCalledWith('[debug] hello\n');
  });

  it('attaches the log folder once the repository is known', () => {
    const env = createNodeEnv();
    env.log.info('too early: dropped');
    const logDir = path.join(dir, '.git/milestones/logs');
    expect(setLogDir(env, logDir)).toBe(true);
    env.log.info('attached');
    const lines = fs.readFileSync(path.join(logDir, LOG_FILE_NAME), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['attached']);
  });

  it('setLogDir is a no-op for loggers that cannot take one', () => {
    expect(setLogDir(createTestEnv({ cwd: '/' }), dir)).toBe(false);
  });
});
