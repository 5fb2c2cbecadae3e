// Small HTTP pieces for the harness: the token check, request bodies, static files.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const TOKEN_HEADER = 'x-custody-token';

export function cookieName(port: number): string {
  // Cookies are shared across ports of one host: the name keeps two harnesses apart.
  return `custody_harness_${port}`;
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** The token from the header, the cookie, or (to open the page) the query string. */
export function hasToken(req: IncomingMessage, url: URL, token: string, port: number): boolean {
  const header = req.headers[TOKEN_HEADER];
  const candidates = [
    typeof header === 'string' ? header : null,
    cookie(req, cookieName(port)),
    url.pathname === '/' ? url.searchParams.get('token') : null,
  ];
  return candidates.some((c) => c !== null && sameSecret(c, token));
}

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A file under `root`, or null: never a path outside it. */
export async function readStatic(
  root: string,
  pathname: string,
): Promise<{ body: Buffer; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep) || decoded.includes('\0')) return null;
  try {
    return {
      body: await readFile(file),
      type: types[extname(file)] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  res.writeHead(status, headers);
  res.end(body);
}
