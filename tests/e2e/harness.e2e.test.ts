// The harness must not weaken the app: loopback only, the token on every request, the app's own
// CSP (opened only to itself), nothing served from outside the renderer, and a throwaway vault
// that is gone after close. It must also speak the real contract, calls and events.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startHarness, type Harness } from '../harness/server.ts';
import { appPolicy } from '../harness/csp.ts';
import { e2eRendererDir, repoRoot } from './support.ts';
import { tempDir } from '../helpers/temp.ts';
import { fixture } from '../helpers/fixtures.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type Served = Pick<Harness, 'origin' | 'token'>;

function call(
  h: Served,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(h.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const ipc = (h: Served, channel: string, args: unknown, headers: Record<string, string> = {}) =>
  call(h, '/ipc', {
    method: 'POST',
    headers: { 'x-custody-token': h.token, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ channel, args }),
  });

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ rendererDir: e2eRendererDir });
});

afterAll(async () => {
  await h?.close();
});

describe('browser harness', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses every request without the right token', async () => {
    expect((await call(h, '/')).status).toBe(403);
    expect((await call(h, '/harness-client.js')).status).toBe(403);
    expect((await call(h, '/events')).status).toBe(403);
    const forged = await ipc(h, 'vault:status', {}, { 'x-custody-token': `${h.token.slice(1)}x` });
    expect(forged.status).toBe(403);
    expect(forged.body).not.toContain('state');
    // The query string opens the page only; it is not a key to everything else.
    expect((await call(h, `/harness-client.js?token=${h.token}`)).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) or Origin even with the token', async () => {
    const rebound = await ipc(h, 'vault:status', {}, { host: 'attacker.example' });
    expect(rebound.status).toBe(403);
    const crossSite = await ipc(h, 'vault:status', {}, { origin: 'http://attacker.example' });
    expect(crossSite.status).toBe(403);
  });

  it('serves the page with the app CSP, opened only to itself, and sets the token cookie', async () => {
    const page = await call(h, `/?token=${h.token}`);
    expect(page.status).toBe(200);
    const served = String(page.headers['content-security-policy']);
    const directives = (p: string) => p.split(';').map((d) => d.trim());
    expect(directives(appPolicy())).not.toContain("connect-src 'self'");
    // Exactly the packaged app's policy, plus connect-src 'self'.
    expect(directives(served).sort()).toEqual(
      [...directives(appPolicy()), "connect-src 'self'"].sort(),
    );
    expect(directives(served)).toContain("script-src 'self'");
    expect(page.body.indexOf('harness-client.js')).toBeLessThan(page.body.indexOf('type="module"'));
    expect(page.headers['cache-control']).toBe('no-store');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(h.token);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('serves nothing outside the built renderer', async () => {
    const auth = { 'x-custody-token': h.token };
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
    ]) {
      const reply = await call(h, path, { headers: auth });
      expect(reply.status).toBe(404);
    }
  });

  it('dispatches calls through the real core and contract', async () => {
    const status = JSON.parse((await ipc(h, 'vault:status', {})).body) as unknown;
    expect(status).toEqual({ ok: true, value: { state: 'absent' } });
    const unknown = JSON.parse((await ipc(h, 'vault:format-disk', {})).body) as unknown;
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const locked = JSON.parse((await ipc(h, 'cases:list', {})).body) as unknown;
    expect(locked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('pushes vault:locked over the event stream, with the reason', async () => {
    await ipc(h, 'vault:create', { passphrase: 'a passphrase for the harness test' });
    const { port } = new URL(h.origin);
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/events', headers: { 'x-custody-token': h.token } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            const at = text.indexOf('event: vault:locked');
            // Connected: now lock, as main's idle timer would.
            if (at < 0 && text.includes('retry:')) h.lock('idle');
            if (at >= 0 && text.includes('\n\n', at)) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const stream = await received;
    expect(stream).toContain('event: vault:locked\ndata: {"reason":"idle"}\n\n');
    expect(await h.core.state()).toBe('locked');
  });

  it('removes its throwaway vault on close', async () => {
    const other = await startHarness({ rendererDir: e2eRendererDir });
    await ipc(other, 'vault:create', { passphrase: 'another passphrase here' });
    expect(existsSync(join(other.vaultDir, 'vault.json'))).toBe(true);
    await other.close();
    expect(existsSync(other.vaultDir)).toBe(false);
    expect(await other.core.state()).toBe('absent');
  });

  it('as a command: prints the URL first, serves, and cleans up on SIGTERM', async () => {
    const child = spawn(process.execPath, ['tests/harness/cli.ts', '--renderer', e2eRendererDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const [note] = (await once(createInterface({ input: child.stderr }), 'line')) as [string];
    const page = await fetch(first);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('harness-client.js');
    const vaultDir = /in (\S+)\. Ctrl\+C/.exec(note)?.[1];
    expect(vaultDir && existsSync(vaultDir)).toBe(true);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(vaultDir ?? '')).toBe(false);
  });

  it('with --evidence: the scripted picker offers that folder, and ingest runs from it', async () => {
    const evidence = await tempDir('custody-harness-evidence-');
    onTestFinished(() => evidence.cleanup());
    for (const name of ['basn0g08.png', 'basn2c08.png']) {
      await copyFile(fixture('pngsuite', name), join(evidence.path, name));
    }
    const child = spawn(
      process.execPath,
      ['tests/harness/cli.ts', '--renderer', e2eRendererDir, '--evidence', evidence.path],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CUSTODY_PASSPHRASE: 'a passphrase for the evidence folder' },
      },
    );
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const url = new URL(first);
    const token = url.searchParams.get('token') ?? '';
    const served: Served = { origin: url.origin, token };
    const value = async (channel: string, args: unknown): Promise<Record<string, unknown>> => {
      const reply = JSON.parse((await ipc(served, channel, args)).body) as {
        ok: boolean;
        value: Record<string, unknown>;
      };
      expect(reply.ok).toBe(true);
      return reply.value;
    };

    const picked = (await value('ingest:pick', {})) as {
      files: { handle: string; path: string }[];
    };
    expect(picked.files.map((f) => f.path)).toEqual([
      join(evidence.path, 'basn0g08.png'),
      join(evidence.path, 'basn2c08.png'),
    ]);
    const { id: caseId } = await value('cases:create', { title: 'By hand', kind: 'other' });
    const finished = new Promise<{ ingested: number; failures: unknown[] }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/events',
          headers: { 'x-custody-token': token },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes('retry:') && !text.includes('started')) {
              text += 'started';
              void value('ingest:start', { caseId, files: picked.files.map((f) => f.handle) });
            }
            const done = /event: ingest:progress\ndata: (\{.*"finished":true.*\})\n/.exec(text);
            if (done?.[1]) {
              req.destroy();
              resolve(JSON.parse(done[1]) as { ingested: number; failures: unknown[] });
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await finished).toMatchObject({ ingested: 2, failures: [] });
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it('with --evidence on a missing folder: exits 2 naming it', async () => {
    const missing = join(repoRoot, 'no-such-evidence-folder');
    const child = spawn(
      process.execPath,
      ['tests/harness/cli.ts', '--renderer', e2eRendererDir, '--evidence', missing],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain(`--evidence ${missing}: not a folder.`);
  });
});
