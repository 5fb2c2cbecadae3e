import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile, serveRendererFiles } from './renderer-files.ts';

let parent: string;
let root: string;
const CSP = "default-src 'none'";

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'custody-renderer-'));
  root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Custody</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'export {};');
  // A file beside the renderer folder that no URL may reach.
  await writeFile(join(parent, 'secret.txt'), 'outside');
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('resolveRendererFile', () => {
  it('maps app://custody paths into the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://custody/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://custody/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://custody/assets/app.js?v=1#x')).toBe(
      join(root, 'assets', 'app.js'),
    );
  });

  it.each([
    'app://custody/../secret.txt',
    'app://custody/%2e%2e/secret.txt',
    'app://custody/..%2fsecret.txt',
    'app://custody/assets/..%2F..%2Fsecret.txt',
    'app://custody/..%5csecret.txt',
    'app://custody/index.html%00.js',
    'app://custody/%E0%A4%A',
    'app://other/index.html',
    'custody://preview/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const file = resolveRendererFile(root, url);
    expect(file === null || file.startsWith(join(root, ''))).toBe(true);
    expect(file).not.toBe(join(parent, 'secret.txt'));
  });
});

describe('serveRendererFiles', () => {
  const serve = (url: string, method = 'GET') =>
    serveRendererFiles(root, CSP)(new Request(url, { method }));

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await serve('app://custody/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Custody</title>');
  });

  it('answers 404 for missing files, folders and anything outside the renderer', async () => {
    for (const url of [
      'app://custody/missing.js',
      'app://custody/assets',
      'app://custody/..%2fsecret.txt',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('');
    }
  });

  it('refuses anything but GET', async () => {
    expect((await serve('app://custody/index.html', 'POST')).status).toBe(405);
  });
});

describe('contentTypeFor', () => {
  it('names module scripts as JavaScript (the sandboxed renderer refuses other types)', () => {
    expect(contentTypeFor('/x/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});
