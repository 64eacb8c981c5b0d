/**
 * Shared pieces of the web board's tests: a `git milestone serve` process (the built CLI) and its
 * startup line, node http requests with chosen headers, Debian's chromium found on PATH (driven by
 * playwright-core; its own browser download is not reachable here), and the artifacts folder the
 * screenshots go to (test-artifacts/serve/, gitignored).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { BIN, cliEnv } from '../../helpers/cli';

export interface Board {
  child: ChildProcessWithoutNullStreams;
  /** The startup line, parsed. */
  info: { url: string; port: number; token: string; write: boolean };
  line: string;
  stderr(): string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit status. */
  stop(): Promise<number | null>;
}

export function startBoard(cwd: string, flags: string[] = []): Promise<Board> {
  const child = spawn(process.execPath, [BIN, 'serve', '--json', ...flags], { cwd, env: cliEnv() });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const line = out.slice(0, nl);
      resolve({
        child, line, info: JSON.parse(line), stderr: () => err,
        stop: () => (child.kill('SIGINT'), exited),
      });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code} before its startup line:\n${out}${err}`)));
  });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request to the board on 127.0.0.1 with exactly these headers (Host too). */
export function request(port: number, o: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: o.path ?? '/', method: o.method ?? 'GET', headers: o.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** The chromium binary on PATH (Debian's package installs /usr/bin/chromium; .ci/run installs it). */
export function chromiumPath(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  throw new Error('chromium is not on PATH: `apt-get install chromium` (.ci/run does)');
}

export const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/serve');
