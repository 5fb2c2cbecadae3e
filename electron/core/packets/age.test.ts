// Packets encrypted in the age format interoperate with the standard `age` tool both ways, and the
// verifier reads them in place, without writing the decrypted packet anywhere.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPacket } from './build.ts';
import { flipByte, packetVault, type PacketVault } from '../../../tests/helpers/packets.ts';
import { verifyPacket } from './verify.ts';

let pv: PacketVault;
let identity: string;
let recipient: string;

function keygen(name: string): { identity: string; recipient: string } {
  const file = join(pv.dir, name);
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' });
  return {
    identity: file,
    recipient: execFileSync('age-keygen', ['-y', file], { encoding: 'utf8' }).trim(),
  };
}

beforeAll(async () => {
  pv = await packetVault();
  ({ identity, recipient } = keygen('key.txt'));
});
afterAll(() => pv.cleanup());

describe('age-encrypted packets', () => {
  it('to an X25519 recipient: `age -d` opens it into a ZIP that verifies; so does --identity', async () => {
    const out = join(pv.dir, 'packet.zip.age');
    const built = await buildPacket(pv.vault, {
      caseId: pv.caseId,
      out,
      recipient: { ageRecipient: recipient },
    });
    expect(built.encrypted).toBe('age-recipient');
    expect((await readFile(out)).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    const clear = join(pv.dir, 'decrypted.zip');
    execFileSync('age', ['-d', '-i', identity, '-o', clear, out]);
    expect(await verifyPacket(clear, { key: built.fingerprint })).toMatchObject({
      valid: true,
      keyPinned: true,
    });
    const inPlace = await verifyPacket(out, { identity, key: built.fingerprint });
    expect(inPlace).toMatchObject({ valid: true, keyPinned: true, problems: [] });
    expect(inPlace.items.every((i) => i.status === 'ok')).toBe(true);
  });

  it('refuses a wrong identity, or none, as unusable', async () => {
    const out = join(pv.dir, 'other.zip.age');
    await buildPacket(pv.vault, { caseId: pv.caseId, out, recipient: { ageRecipient: recipient } });
    const stranger = keygen('stranger.txt');
    await expect(verifyPacket(out, { identity: stranger.identity })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/does not open it/) as string,
    });
    await expect(verifyPacket(out)).rejects.toThrow(/encrypted/);
  });

  it('encrypted by `age -r` from a plain packet, verifies with --identity', async () => {
    const plain = join(pv.dir, 'plain.zip');
    const built = await buildPacket(pv.vault, { caseId: pv.caseId, out: plain });
    const enc = join(pv.dir, 'by-age-cli.age');
    execFileSync('age', ['-r', recipient, '-o', enc, plain]);
    expect(await verifyPacket(enc, { identity, key: built.fingerprint })).toMatchObject({
      valid: true,
    });
  });

  it('to a passphrase (scrypt): opens with the passphrase only', async () => {
    const out = join(pv.dir, 'pass.zip.age');
    await buildPacket(pv.vault, {
      caseId: pv.caseId,
      out,
      recipient: { passphrase: 'agency shared secret 2026' },
    });
    expect((await verifyPacket(out, { passphrase: 'agency shared secret 2026' })).valid).toBe(true);
    await expect(verifyPacket(out, { passphrase: 'wrong' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('names evidence whose encrypted bytes were changed in transit', async () => {
    const out = join(pv.dir, 'flipped.zip.age');
    await buildPacket(pv.vault, { caseId: pv.caseId, out, recipient: { ageRecipient: recipient } });
    const bytes = await readFile(out);
    // The originals sit in the middle of the ZIP; the manifest and directory at its two ends.
    await writeFile(out, flipByte(bytes, Math.floor(bytes.length * 0.6)));
    const v = await verifyPacket(out, { identity });
    expect(v.valid).toBe(false);
    expect(v.problems.map((p) => p.code)).toContain('file-unreadable');
    expect(v.items.some((i) => i.status === 'unreadable')).toBe(true);
  });

  it('names a packet truncated at a chunk boundary as altered, before reading any of it', async () => {
    const out = join(pv.dir, 'truncated.zip.age');
    await buildPacket(pv.vault, { caseId: pv.caseId, out, recipient: { ageRecipient: recipient } });
    const bytes = await readFile(out);
    const start = bytes.indexOf('\n', bytes.indexOf('\n--- ') + 1) + 1 + 16;
    const sealed = 64 * 1024 + 16;
    const whole = Math.floor((bytes.length - start - 1) / sealed);
    expect(whole).toBeGreaterThan(1);
    // Only the final chunk goes: every chunk left is intact and authentic, none flagged last.
    await writeFile(out, bytes.subarray(0, start + whole * sealed));
    const v = await verifyPacket(out, { identity });
    expect(v).toMatchObject({ valid: false, items: [] });
    expect(v.problems.map((p) => p.code)).toEqual(['encrypted-payload-altered']);
  });

  it('rejects a recipient that is not an age public key before recording anything', async () => {
    await expect(
      buildPacket(pv.vault, {
        caseId: pv.caseId,
        out: join(pv.dir, 'bad.age'),
        recipient: { ageRecipient: 'ssh-ed25519 AAAA' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
