import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLazyLogger, LOG_FILE_NAME, REDACTED, scrubData, scrubString } from '../../../src/env/logger';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-log-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const readLines = (logDir: string) =>
  fs.readFileSync(path.join(logDir, LOG_FILE_NAME), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('createLazyLogger', () => {
  it('writes JSON lines synchronously to <logDir>/git-milestone.log, creating the folder', () => {
    const logDir = path.join(dir, 'a/b/logs');
    const log = createLazyLogger({ logDir, verbose: false });
    log.info('opened', { milestone: 'm1', count: 2 });
    log.debug('below the level');
    const lines = readLines(logDir); // no flush: the destination is synchronous
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'opened', milestone: 'm1', count: 2 });
    expect(typeof lines[0].time).toBe('string');
  });

  it('redacts password fields at any depth and credentials inside URLs and strings', () => {
    const log = createLazyLogger({ logDir: dir, verbose: false });
    log.warn('connecting to postgres://admin:hunter2@db.example:5432/ms', {
      password: 'pw-top',
      db: { url: 'postgres://u:s3cret-pass@host/db', options: { auth: { password: 'pw-deep' } } },
      apiKey: 'k-123',
      note: 'retry with token=abcdef123 later',
      headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.x.y' },
    });
    const text = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
    for (const secret of ['hunter2', 'pw-top', 's3cret-pass', 'pw-deep', 'k-123', 'abcdef123', 'eyJhbGci']) {
      expect(text).not.toContain(secret);
    }
    const [line] = readLines(dir);
    expect(line.msg).toBe('connecting to postgres://admin:***@db.example:5432/ms');
    expect(line.password).toBe(REDACTED);
    expect((line.db as { url: string }).url).toBe('postgres://u:***@host/db');
    expect(line.note).toBe('retry with token=*** later');
  });

  it('with verbose also prints human-readable, redacted lines to stderr', () => {
    const err: string[] = [];
    const log = createLazyLogger({ logDir: null, verbose: true, stderr: (s) => err.push(s) });
    log.debug('resolving', { ref: 'refs/milestones/x', secret: 'zzz' });
    log.error('failed https://user:pw@example.com/x');
    expect(err).toEqual([
      `[debug] resolving {"ref":"refs/milestones/x","secret":"${REDACTED}"}\n`,
      '[error] failed https://user:***@example.com/x\n',
    ]);
  });

  it('degrades silently when the log folder cannot be written', () => {
    const blocker = path.join(dir, 'not-a-dir');
    fs.writeFileSync(blocker, 'file in the way');
    const err: string[] = [];
    const log = createLazyLogger({ logDir: path.join(blocker, 'logs'), verbose: true, stderr: (s) => err.push(s) });
    expect(() => log.error('still fine', { a: 1 })).not.toThrow();
    expect(log.logFile()).toBeNull();
    expect(err).toEqual(['[error] still fine {"a":1}\n']);
  });

  it('accepts the log folder later (the repository is found after the logger exists)', () => {
    const log = createLazyLogger({ logDir: null, verbose: false });
    log.info('before: nowhere');
    expect(log.logFile()).toBeNull();
    const later = path.join(dir, 'later');
    log.setLogDir(later);
    log.info('after');
    expect(log.logFile()).toBe(path.join(later, LOG_FILE_NAME));
    expect(readLines(later).map((l) => l.msg)).toEqual(['after']);
  });

  it('honours an explicit level', () => {
    const log = createLazyLogger({ logDir: dir, verbose: false, level: 'warn' });
    log.info('dropped');
    log.warn('kept');
    expect(readLines(dir).map((l) => l.msg)).toEqual(['kept']);
  });
});

describe('scrubbers', () => {
  it('scrubString masks URL passwords, key=value secrets and bearer tokens, leaving ordinary text', () => {
    expect(scrubString('postgres://user:secret@host/db')).toBe('postgres://user:***@host/db');
    expect(scrubString('https://x-access-token:ghp_abc@github.com/o/r.git')).toBe('https://x-access-token:***@github.com/o/r.git');
    expect(scrubString('https://ghp_0123456789abcdefghijklmn@github.com/o/r')).toBe('https://***@github.com/o/r');
    expect(scrubString('?access_token=abc&x=1')).toBe('?access_token=***&x=1');
    expect(scrubString('api_key: AKIA123 password=p')).toBe('api_key: *** password=***');
    expect(scrubString('Authorization: Bearer abc.def.ghi')).toBe('Authorization: Bearer ***');
    expect(scrubString('design=approved ssh://git@github.com/o/r phase_weights design=15')).toBe(
      'design=approved ssh://git@github.com/o/r phase_weights design=15',
    );
  });

  it('scrubData handles nesting, arrays, errors and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    const out = scrubData({
      list: [{ token: 't' }, 'postgres://a:b@h'],
      err: Object.assign(new Error('bad postgres://a:pw@h'), { code: 'E1' }),
      cyclic,
      accessToken: 'x',
      tokens_used: 3,
    }) as Record<string, unknown>;
    expect(out.list).toEqual([{ token: REDACTED }, 'postgres://a:***@h']);
    expect(out.err).toMatchObject({ type: 'Error', message: 'bad postgres://a:***@h', code: 'E1' });
    expect(out.cyclic).toEqual({ name: 'c', self: '[Circular]' });
    expect(out.accessToken).toBe(REDACTED);
    expect(out.tokens_used).toBe(3);
  });
});
