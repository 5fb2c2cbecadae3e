// Paths reach the core only through main's dialogs (scripted here, as in the harness), as one-use
// handles: through the real dispatcher, a raw path, a forged handle, a used one, one made for
// another purpose or before a lock are all refused, and nothing is read or written for them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CustodyCore, VerifyPick } from '../../core/core.ts';
import { createCase } from '../../core/cases/case.service.ts';
import { listItems } from '../../core/items/item.service.ts';
import { createDispatcher, type Dispatch } from '../dispatch.ts';
import { handlers } from './index.ts';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';
import type { PathGrant } from '../../../shared/domain/path-grant.ts';

let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
let caseId: string;
/** What the scripted dialogs answer next. */
const dialogs = { evidence: [] as string[], save: '', verify: {} as Record<VerifyPick, string> };
const suggested: string[] = [];

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore({
    pickEvidence: () => Promise.resolve(dialogs.evidence),
    pickPacketTarget: (name) => {
      suggested.push(name);
      return Promise.resolve(dialogs.save);
    },
    pickVerifyFile: (what) => Promise.resolve(dialogs.verify[what]),
  }));
  dispatch = createDispatcher(core, handlers);
  caseId = createCase(core.vault(), { title: 'Handles', kind: 'other' }).id;
  for (const name of ['basn0g08.png', 'basn2c08.png']) {
    await copyFile(fixture('pngsuite', name), join(dir, name));
  }
});
afterAll(() => cleanup());

async function value<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const refusal = async (channel: string, args: unknown) => {
  const r = await dispatch(channel, args);
  return r.ok ? 'accepted' : r.error.code;
};
async function ingested(files: string[]): Promise<void> {
  const { ingestId } = await value<{ ingestId: string }>('ingest:start', { caseId, files });
  await core.ingest.results(ingestId);
}
const itemCount = () => listItems(core.vault(), caseId).total;
const pickEvidence = async (...names: string[]) => {
  dialogs.evidence = names.map((n) => join(dir, n));
  return (await value<{ files: PathGrant[] }>('ingest:pick', {})).files;
};

describe('paths as handles', () => {
  it('ingests what the picker chose, by handle, once', async () => {
    const files = await pickEvidence('basn0g08.png');
    expect(files).toEqual([
      {
        handle: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) as string,
        name: 'basn0g08.png',
        path: join(dir, 'basn0g08.png'),
      },
    ]);
    await ingested(files.map((f) => f.handle));
    expect(itemCount()).toBe(1);
    // The same handle again: used up.
    expect(await refusal('ingest:start', { caseId, files: [files[0]?.handle] })).toBe('FORBIDDEN');
  });

  it('refuses a raw path and a forged handle, and reads nothing', async () => {
    const before = itemCount();
    const raw = join(dir, 'basn2c08.png');
    expect(await refusal('ingest:start', { caseId, paths: [raw] })).toBe('BAD_REQUEST');
    expect(await refusal('ingest:start', { caseId, files: [raw] })).toBe('BAD_REQUEST');
    expect(await refusal('ingest:start', { caseId, files: ['A'.repeat(24)] })).toBe('FORBIDDEN');
    // One forged handle among good ones refuses the lot and uses none up.
    const [good] = await pickEvidence('basn2c08.png');
    expect(await refusal('ingest:start', { caseId, files: [good?.handle, 'B'.repeat(24)] })).toBe(
      'FORBIDDEN',
    );
    expect(itemCount()).toBe(before);
    await ingested([good?.handle ?? '']);
    expect(itemCount()).toBe(before + 1);
  });

  it('writes a packet only where the save dialog said, once; never to a page-given path', async () => {
    const out = join(dir, 'chosen.zip');
    dialogs.save = out;
    const { target } = await value<{ target: PathGrant }>('packets:pick-out', {
      suggestedName: 'custody-packet-2026-03-01-0915.zip',
    });
    expect(suggested).toEqual(['custody-packet-2026-03-01-0915.zip']);
    const elsewhere = join(dir, 'elsewhere.zip');
    expect(await refusal('packets:build', { caseId, out: elsewhere })).toBe('BAD_REQUEST');
    // An evidence handle is not a place to write.
    const [evidence] = await pickEvidence('basn0g08.png');
    expect(await refusal('packets:build', { caseId, out: evidence?.handle })).toBe('FORBIDDEN');

    const built = await value<{ out: string }>('packets:build', { caseId, out: target.handle });
    expect(built.out).toBe(out);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(elsewhere)).toBe(false);
    expect(await refusal('packets:build', { caseId, out: target.handle })).toBe('FORBIDDEN');
  });

  it('ends an encrypted packet in .age, as the page shows it', async () => {
    dialogs.save = join(dir, 'sealed.zip');
    const { target } = await value<{ target: PathGrant }>('packets:pick-out', {
      suggestedName: 'sealed.zip',
    });
    const built = await value<{ out: string }>('packets:build', {
      caseId,
      out: target.handle,
      recipient: { passphrase: 'a packet passphrase of some length' },
    });
    expect(built.out).toBe(join(dir, 'sealed.zip.age'));
    expect(existsSync(built.out)).toBe(true);
  });

  it('verifies a packet and opens it with an identity only by their handles', async () => {
    dialogs.verify.packet = join(dir, 'chosen.zip');
    const { file } = await value<{ file: PathGrant }>('packets:pick-verify', { what: 'packet' });
    expect(await refusal('packets:verify', { packet: join(dir, 'chosen.zip') })).toBe(
      'BAD_REQUEST',
    );
    expect(await refusal('packets:verify', { packet: file.handle, identity: '/etc/passwd' })).toBe(
      'BAD_REQUEST',
    );
    const verdict = await value<{ valid: boolean }>('packets:verify', { packet: file.handle });
    expect(verdict.valid).toBe(true);
    expect(await refusal('packets:verify', { packet: file.handle })).toBe('FORBIDDEN');
    // An identity handle is not a packet, and a packet handle not an identity.
    dialogs.verify.identity = join(dir, 'basn0g08.png');
    const identity = await value<{ file: PathGrant }>('packets:pick-verify', { what: 'identity' });
    expect(await refusal('packets:verify', { packet: identity.file.handle })).toBe('FORBIDDEN');
  });

  it('forgets every handle on lock', async () => {
    const [file] = await pickEvidence('basn0g08.png');
    core.lock('user');
    await core.unlock(PASSPHRASE);
    expect(await refusal('ingest:start', { caseId, files: [file?.handle] })).toBe('FORBIDDEN');
  });
});
