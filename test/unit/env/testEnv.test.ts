import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../src/env/testEnv';

describe('createTestEnv', () => {
  it('has a clock that starts at now and advances one second per call', () => {
    const env = createTestEnv({ cwd: '/repo', now: '2024-03-01T10:00:00.000Z' });
    expect(env.clock().toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(env.clock().toISOString()).toBe('2024-03-01T10:00:01.000Z');
    expect(env.clock().toISOString()).toBe('2024-03-01T10:00:02.000Z');
  });

  it('defaults now and rejects a bad date', () => {
    expect(createTestEnv({ cwd: '/' }).clock().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(() => createTestEnv({ cwd: '/', now: 'yesterday' })).toThrow(/not a date/);
  });

  it('gives deterministic 16-hex-digit nonces', () => {
    const env = createTestEnv({ cwd: '/' });
    const nonces = Array.from({ length: 11 }, () => env.nonce());
    expect(nonces.slice(0, 2)).toEqual(['0000000000000001', '0000000000000002']);
    expect(nonces[10]).toBe('000000000000000b');
    expect(createTestEnv({ cwd: '/' }).nonce()).toBe('0000000000000001');
  });

  it('captures stdout, stderr and log calls', () => {
    const env = createTestEnv({ cwd: '/repo', vars: { MILESTONE_AUTO_BRANCH: 'true' } });
    env.out('a\n');
    env.out('b\n');
    env.err('warning\n');
    env.log.info('hello', { n: 1 });
    env.log.debug('plain');
    expect(env.stdout()).toBe('a\nb\n');
    expect(env.stderr()).toBe('warning\n');
    expect(env.logs).toEqual([
      { level: 'info', msg: 'hello', data: { n: 1 } },
      { level: 'debug', msg: 'plain' },
    ]);
    expect(env.cwd).toBe('/repo');
    expect(env.vars.MILESTONE_AUTO_BRANCH).toBe('true');
    expect(env.interactive).toBe(false);
  });
});
