/**
 * Small helpers for answering the board's HTTP requests: JSON and text bodies with the headers
 * every answer carries (no caching, no sniffing, no framing by other sites, no referrer so the
 * token of the first URL never leaves), errors as the CLI's `--json` error document with an HTTP
 * status from the error code, and a bounded JSON request body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asMilestoneError, MilestoneError } from '../errors/MilestoneError';

export const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
};

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer,
  headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const length = String(bytes.length);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': length, ...headers });
  res.end(bytes);
}

export function sendJson(res: ServerResponse, value: unknown, headers: Record<string, string> = {}): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** HTTP status of an error code: the caller's mistake (4xx) or ours (500). */
const STATUS: Record<string, number> = {
  USAGE: 400, INVALID_INPUT: 400, INVALID_OPERATION: 409, TOO_LARGE: 413, AMBIGUOUS_ID: 409,
  NOT_FOUND: 404, CONFLICT: 409, STALE_REF: 409, DEPENDENCY_CYCLE: 409, LOCKED: 423,
};

export function sendError(res: ServerResponse, error: unknown, status?: number): void {
  const e = asMilestoneError(error);
  send(res, status ?? STATUS[e.code] ?? 500, 'application/json; charset=utf-8', JSON.stringify(e.toJSON()));
}

const MAX_BODY = 64 * 1024;

/** The request's JSON object body (at most 64 KB), or INVALID_INPUT. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/.test(type)) {
    throw new MilestoneError('INVALID_INPUT', 'send the request body as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new MilestoneError('TOO_LARGE', `request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new MilestoneError('INVALID_INPUT', 'the request body is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MilestoneError('INVALID_INPUT', 'the request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
