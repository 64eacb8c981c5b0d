/**
 * Node built-ins that cost start-up time, loaded on first use instead of at import.
 *
 * Why: a warm `list --json` must finish within twice the time of `node -e ''`, and loading
 * `node:crypto` alone takes ≈6 ms here (it pulls in node's stream machinery), `node:child_process`
 * ≈2.5 ms and `node:zlib` ≈0.6 ms. The read path that is answered from the index needs none of
 * them; writes, git spawns and loose-object reads load them when they first call.
 *
 * Usage: `crypto().createHash('sha1')` where a module would have imported `createHash`.
 */
import type * as Crypto from 'node:crypto';
import type * as ChildProcess from 'node:child_process';
import type * as Zlib from 'node:zlib';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

let cryptoModule: typeof Crypto | undefined;
let childProcessModule: typeof ChildProcess | undefined;
let zlibModule: typeof Zlib | undefined;
let httpModule: typeof Http | undefined;
let httpsModule: typeof Https | undefined;

export function crypto(): typeof Crypto {
  return (cryptoModule ??= require('node:crypto') as typeof Crypto);
}

export function childProcess(): typeof ChildProcess {
  return (childProcessModule ??= require('node:child_process') as typeof ChildProcess);
}

export function zlib(): typeof Zlib {
  return (zlibModule ??= require('node:zlib') as typeof Zlib);
}

/** For webhooks only (core/notify/send.ts): a command with no delivery to make never loads them. */
export function http(): typeof Http {
  return (httpModule ??= require('node:http') as typeof Http);
}

export function https(): typeof Https {
  return (httpsModule ??= require('node:https') as typeof Https);
}
