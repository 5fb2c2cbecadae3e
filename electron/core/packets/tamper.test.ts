// A packet changed in transit fails verification, and the verdict names the cause.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signCheckpoint, type Checkpoint } from '../custody/signed-note.ts';
import { entryHash } from '../custody/entry.ts';
import { keyFingerprint, workstationKey } from '../custody/signing-key.ts';
import { buildPacket } from './build.ts';
import type { Manifest } from './manifest.ts';
import {
  flipByte,
  packetVault,
  readZip,
  rewriteZip,
  writeZip,
  type PacketVault,
} from '../../../tests/helpers/packets.ts';
import { verifyPacket as verifyPacketAt, type Verdict } from './verify.ts';
import { problemSentences, problemSummaries } from '../../../shared/i18n/packet-problems.ts';

let pv: PacketVault;
let packet: string;
let fingerprint: string;
let n = 0;
/** Every problem the tests below meet, for the last test: each said right in the catalogs. */
const seen: Verdict['problems'] = [];
const verifyPacket = async (...args: Parameters<typeof verifyPacketAt>) => {
  const v = await verifyPacketAt(...args);
  seen.push(...v.problems);
  return v;
};

beforeAll(async () => {
  pv = await packetVault();
  packet = join(pv.dir, 'packet.zip');
  await buildPacket(pv.vault, { caseId: pv.caseId, out: packet });
  fingerprint = workstationKey(pv.vault).fingerprint;
});
afterAll(() => pv.cleanup());

async function tampered(
  edit: (name: string, data: Buffer) => Buffer | null,
  extra: { name: string; data: Buffer }[] = [],
): Promise<string> {
  const out = join(pv.dir, `tampered-${n++}.zip`);
  await rewriteZip(packet, out, edit, extra);
  return out;
}

const codes = (v: Verdict) => v.problems.map((p) => p.code);
const evidenceOf = (id: string) => async () =>
  (await readZip(packet)).find((e) => e.name.startsWith(`evidence/${id}-`))?.name ?? '';

/** Re-signs a manifest as an attacker with the key `sign` would: the checkpoint too. */
function resign(m: Manifest, publicKey: Buffer, signWith: (b: Uint8Array) => Buffer) {
  const lines = m.custody.checkpoint.split('\n');
  const c: Checkpoint = {
    origin: lines[0] ?? '',
    treeSize: Number(lines[1]),
    root: Buffer.from(lines[2] ?? '', 'base64'),
  };
  m.signer.publicKey = publicKey.toString('base64');
  m.signer.fingerprint = keyFingerprint(publicKey);
  m.custody.checkpoint = signCheckpoint(c, m.signer.keyName, publicKey, signWith);
  const bytes = Buffer.from(JSON.stringify(m, null, 2) + '\n');
  const sig = {
    algorithm: 'Ed25519',
    publicKey: m.signer.publicKey,
    fingerprint: m.signer.fingerprint,
    signature: signWith(bytes).toString('base64'),
  };
  return { bytes, sig: Buffer.from(JSON.stringify(sig)) };
}

async function withManifest(change: (m: Manifest) => { bytes: Buffer; sig: Buffer }) {
  const m = JSON.parse(
    (await readZip(packet)).find((e) => e.name === 'manifest.json')?.data.toString() ?? '',
  ) as Manifest;
  const { bytes, sig } = change(m);
  return tampered((name, data) =>
    name === 'manifest.json' ? bytes : name === 'manifest.sig' ? sig : data,
  );
}

describe('packet verification against tampering', () => {
  it('names an evidence file with one byte changed, and its item', async () => {
    const path = await evidenceOf(pv.byRole.gps)();
    const v = await verifyPacket(
      await tampered((name, data) => (name === path ? flipByte(data) : data)),
    );
    expect(v.valid).toBe(false);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'file-altered', path }));
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'evidence-mismatch', path }));
    expect(v.items.find((i) => i.id === pv.byRole.gps)?.status).toBe('altered');
    expect(v.items.filter((i) => i.status === 'ok')).toHaveLength(3);
  });

  it('names a manifest with one byte changed: the signature no longer matches', async () => {
    const v = await verifyPacket(
      await tampered((name, data) => {
        if (name !== 'manifest.json') return data;
        // A digit of the creation year: the JSON stays well-formed, only the signature can tell.
        const at = data.indexOf('"createdAt": "') + '"createdAt": "'.length + 3;
        return flipByte(data, at);
      }),
    );
    expect(v.valid).toBe(false);
    expect(codes(v)).toEqual(['signature-invalid']);
  });

  it('names report.pdf with one byte changed', async () => {
    const v = await verifyPacket(
      await tampered((name, data) => (name === 'report.pdf' ? flipByte(data) : data)),
    );
    expect(v.problems).toEqual([
      expect.objectContaining({ code: 'file-altered', path: 'report.pdf' }),
    ]);
  });

  it('names a removed file and an added one', async () => {
    const path = await evidenceOf(pv.byRole.text)();
    const removed = await verifyPacket(
      await tampered((name, data) => (name === path ? null : data)),
    );
    expect(removed.valid).toBe(false);
    expect(removed.problems).toContainEqual(
      expect.objectContaining({ code: 'file-missing', path }),
    );
    expect(removed.items.find((i) => i.id === pv.byRole.text)?.status).toBe('missing');

    const added = await verifyPacket(
      await tampered((_n, d) => d, [{ name: 'evidence/planted.jpg', data: Buffer.from('x') }]),
    );
    expect(added.problems).toEqual([
      expect.objectContaining({ code: 'file-extra', path: 'evidence/planted.jpg' }),
    ]);
  });

  it('names a stripped signature', async () => {
    const v = await verifyPacket(
      await tampered((name, data) => (name === 'manifest.sig' ? null : data)),
    );
    expect(v).toMatchObject({ valid: false, fingerprint: null });
    expect(codes(v)).toEqual(['signature-missing']);
  });

  it('accepts a packet re-signed by another key only until the real key is pinned', async () => {
    const other = generateKeyPairSync('ed25519');
    const raw = Buffer.from(other.publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
    const forged = await withManifest((m) => {
      m.agency = 'Someone else';
      return resign(m, raw, (b) => sign(null, b, other.privateKey));
    });
    const unpinned = await verifyPacket(forged);
    expect(unpinned).toMatchObject({
      valid: true,
      keyPinned: false,
      fingerprint: keyFingerprint(raw),
    });
    const pinned = await verifyPacket(forged, { key: fingerprint });
    expect(pinned).toMatchObject({ valid: false, keyPinned: false });
    expect(codes(pinned)).toEqual(['key-mismatch']);
  });

  it('names a custody entry changed, even when the manifest is re-signed by the real key', async () => {
    const key = workstationKey(pv.vault);
    let seq = 0;
    const forged = await withManifest((m) => {
      const target = m.custody.entries.find((e) => e.entry.action === 'item.ingested');
      if (!target) throw new Error('no ingest entry');
      seq = target.entry.seq;
      target.entry.actor = 'someone-else';
      return resign(m, key.publicKey, key.sign);
    });
    const v = await verifyPacket(forged, { key: fingerprint });
    expect(v.valid).toBe(false);
    expect(v.problems).toContainEqual(
      expect.objectContaining({
        code: 'custody-entry-changed',
        message: expect.stringContaining(`entry ${seq} `) as string,
      }),
    );
    expect(v.problems.some((p) => p.code === 'custody-proof')).toBe(true);
  });

  it('names a custody entry forged with a recomputed hash: it is not in the signed log', async () => {
    const key = workstationKey(pv.vault);
    const forged = await withManifest((m) => {
      const target = m.custody.entries.find((e) => e.entry.action === 'item.ingested');
      if (!target) throw new Error('no ingest entry');
      target.entry.details = { ...target.entry.details, source: 'elsewhere.jpg' };
      target.entry.hash = entryHash(target.entry);
      return resign(m, key.publicKey, key.sign);
    });
    const v = await verifyPacket(forged, { key: fingerprint });
    expect(codes(v)).toContain('custody-proof');
    expect(codes(v)).not.toContain('custody-entry-changed');
  });

  // SHA-256 alone matching is not enough: each of the three recorded hashes is checked on its own,
  // so a verifier that skipped SHA-1 or MD5 fails here. The real key signs, so nothing else is off.
  it.each(['sha1', 'md5'] as const)(
    'names an original whose recorded %s differs, all else intact and signed by the real key',
    async (hash) => {
      const key = workstationKey(pv.vault);
      const forged = await withManifest((m) => {
        const item = m.items.find((i) => i.id === pv.byRole.gps);
        if (!item) throw new Error('no gps item');
        item[hash] = item[hash].replace(/^./, (c) => (c === '0' ? '1' : '0'));
        return resign(m, key.publicKey, key.sign);
      });
      const v = await verifyPacket(forged, { key: fingerprint });
      expect(v.valid).toBe(false);
      expect(v.problems).toEqual([
        expect.objectContaining({
          code: 'evidence-mismatch',
          message: expect.stringContaining(pv.byRole.gps) as string,
        }),
      ]);
      expect(v.items.find((i) => i.id === pv.byRole.gps)?.status).toBe('altered');
    },
  );

  it('refuses input that is not a packet as unusable, not as invalid', async () => {
    const notZip = join(pv.dir, 'not-a-zip.zip');
    await writeFile(notZip, 'plain text');
    await expect(verifyPacket(notZip)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const noManifest = join(pv.dir, 'no-manifest.zip');
    await writeZip(noManifest, [{ name: 'report.html', data: Buffer.from('<p>hi</p>') }]);
    await expect(verifyPacket(noManifest)).rejects.toThrow(/no manifest\.json/);
    await expect(verifyPacket(join(pv.dir, 'absent.zip'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('names a file that appears twice in the ZIP', async () => {
    const zip = await readZip(packet);
    const twice = join(pv.dir, 'twice.zip');
    await writeZip(twice, [...zip, { name: 'report.pdf', data: Buffer.from('second copy') }]);
    expect(codes(await verifyPacket(twice))).toContain('file-duplicate');
  });

  it('has each problem met here in the catalogs, its sentence saying what the verifier said', () => {
    expect(seen.length).toBeGreaterThan(5);
    for (const p of seen) {
      const sentence = problemSentences[p.code];
      // The English sentences have no ICU syntax but {path}.
      if (sentence) expect(sentence.defaultMessage.replace('{path}', p.path ?? '')).toBe(p.message);
      else expect(problemSummaries[p.code], p.code).toBeDefined();
    }
  });
});
