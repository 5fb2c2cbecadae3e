// The built preload under the sandbox's rules, without the Electron binary: a sandboxed preload can
// `require` only Electron's renderer modules, so the bundle is run in a fresh V8 context whose
// require knows 'electron' alone (a stand-in recording what the preload does with it).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustodyClient } from '../../shared/contract/client.ts';
import { buildApp } from './build.ts';

/** The client as a forged call sees it: any name, any arguments. */
interface LooseClient {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(event: string, listener: () => void): () => void;
}

type Listener = (event: unknown, payload: unknown) => void;

interface Sandbox {
  required: string[];
  exposed: Map<string, unknown>;
  invoked: unknown[][];
  listeners: Map<string, Set<Listener>>;
}

let outDir: string;
let source: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'custody-build-'));
  buildApp(outDir);
  source = await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8');
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function runPreload(): Sandbox {
  const sandbox: Sandbox = { required: [], exposed: new Map(), invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => sandbox.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        sandbox.invoked.push(args);
        return Promise.resolve({ ok: true, value: { state: 'locked' } });
      },
      on: (channel: string, listener: Listener) => {
        const set = sandbox.listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        sandbox.listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => {
        sandbox.listeners.get(channel)?.delete(listener);
      },
    },
    // As Electron's: a dropped file's path, and '' for a File the page made itself.
    webUtils: { getPathForFile: (file: { droppedFrom?: string }) => file.droppedFrom ?? '' },
  };
  const require = (name: string): unknown => {
    sandbox.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found in the sandboxed preload: ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(source, { require, module, exports: module.exports, console });
  return sandbox;
}

function client(sandbox: Sandbox): CustodyClient {
  const api = sandbox.exposed.get('custody');
  if (!api) throw new Error('window.custody was not exposed');
  return api as CustodyClient;
}

describe('the built preload (out/preload/index.cjs)', () => {
  it('requires nothing but electron, so it runs in the sandbox', () => {
    const sandbox = runPreload();
    expect([...new Set(sandbox.required)]).toEqual(['electron']);
  });

  it('exposes exactly one frozen object, window.custody, with invoke, on, previewBase and dropFiles', () => {
    const sandbox = runPreload();
    expect([...sandbox.exposed.keys()]).toEqual(['custody']);
    const custody = client(sandbox);
    expect(Object.keys(custody).sort()).toEqual(['dropFiles', 'invoke', 'on', 'previewBase']);
    expect(Object.isFrozen(custody)).toBe(true);
    expect(custody.previewBase).toBe('custody://preview/');
  });

  it('sends contract channels and answers any other name itself, sending nothing', async () => {
    const sandbox = runPreload();
    const custody = client(sandbox);
    await expect(custody.invoke('vault:status', {})).resolves.toEqual({
      ok: true,
      value: { state: 'locked' },
    });
    expect(sandbox.invoked).toEqual([['custody:invoke', 'vault:status', {}]]);
    const forged = custody as unknown as LooseClient;
    for (const name of ['shell:openExternal', 'custody:invoke', '__proto__', 'toString']) {
      await expect(forged.invoke(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    expect(sandbox.invoked).toHaveLength(1);
  });

  it("sends dropped files' paths to main on its own message; a File the page made has none", async () => {
    const sandbox = runPreload();
    const drop = client(sandbox).dropFiles;
    const files = [{ droppedFrom: '/home/ana/Desktop/عکس.png' }, { name: 'forged.png' }];
    await drop?.(files as unknown as File[]);
    expect(sandbox.invoked).toEqual([['custody:drop', ['/home/ana/Desktop/عکس.png']]]);
    await expect(drop?.([{ name: 'forged.png' }] as unknown as File[])).resolves.toEqual({
      ok: true,
      value: { files: [] },
    });
    expect(sandbox.invoked).toHaveLength(1);
  });

  it('delivers event payloads (never the IPC event) until unsubscribed', () => {
    const sandbox = runPreload();
    const custody = client(sandbox);
    const received: unknown[] = [];
    const off = custody.on('vault:locked', (payload) => received.push(payload));
    const channel = 'custody:event:vault:locked';
    const deliver = (payload: unknown) => {
      for (const l of sandbox.listeners.get(channel) ?? []) l({ sender: 'ipcRenderer' }, payload);
    };
    deliver({ reason: 'idle' });
    off();
    deliver({ reason: 'user' });
    expect(received).toEqual([{ reason: 'idle' }]);
    expect(sandbox.listeners.get(channel)?.size).toBe(0);
  });

  it('subscribes to nothing for an event the contract does not declare', () => {
    const sandbox = runPreload();
    const loose = client(sandbox) as unknown as LooseClient;
    const off = loose.on('custody:invoke', () => {});
    expect(typeof off).toBe('function');
    expect(sandbox.listeners.size).toBe(0);
  });
});
