// The packet commands through the real binary: build, key show, verify (valid, unpinned, tampered,
// unusable, encrypted) and log verify. Exit statuses and JSON are a public interface.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { runCustody, type CliRun } from '../../../tests/helpers/cli.ts';
import { CustodyCore } from '../../core/core.ts';
import { flipByte, rewriteZip } from '../../../tests/helpers/packets.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import { dataOf } from '../../../tests/helpers/zip-bytes.ts';

const PASSPHRASE = 'cli packet passphrase';

interface Run extends CliRun {
  json: Record<string, unknown>;
}

async function custody(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = await runCustody(args, env);
  return { ...run, json: (run.json ?? {}) as Record<string, unknown> };
}

let dir: string;
let cleanup: () => Promise<void>;
let vault: string;
let base: string[];
let packet: string;
let fingerprint: string;

beforeAll(async () => {
  ({ path: dir, cleanup } = await tempDir());
  vault = join(dir, 'vault');
  const pf = join(dir, 'pass');
  await writeFile(pf, `${PASSPHRASE}\n`);
  base = ['--vault', vault, '--passphrase-file', pf];
  expect((await custody(['init', ...base])).code).toBe(0);
  const c = await custody([
    'case',
    'create',
    ...base,
    '--json',
    '--title',
    'T',
    '--kind',
    'doxxing',
  ]);
  const caseId = c.json['id'] as string;
  const ingest = await custody([
    'ingest',
    ...base,
    '--case',
    caseId,
    join(FIXTURES, 'pngsuite', 'basn2c08.png'),
    join(FIXTURES, 'pdq', 'data', 'bridge-mods', 'aaa-orig.jpg'),
  ]);
  expect(ingest.code, ingest.stderr).toBe(0);
  packet = join(dir, 'packet.zip');
  const built = await custody([
    'packet',
    'build',
    ...base,
    '--json',
    '--case',
    caseId,
    '--out',
    packet,
    '--agency',
    'BKA',
  ]);
  expect(built.code, built.stderr).toBe(0);
  expect(built.stderr).toMatch(/writing 100%/);
  expect(built.json).toMatchObject({ items: 2, originals: 2, encrypted: 'none' });
  fingerprint = built.json['fingerprint'] as string;
});
afterAll(() => cleanup());

describe('custody key show', () => {
  it("prints the workstation key's fingerprint that signed the packet", async () => {
    const r = await custody(['key', 'show', ...base, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ algorithm: 'Ed25519', fingerprint });
    expect(Buffer.from(r.json['publicKey'] as string, 'base64')).toHaveLength(32);
  });
});

describe('custody verify', () => {
  it('exits 3 without --key, saying anyone could have signed it, opening no vault', async () => {
    const nowhere = join(dir, 'no-vault-here');
    const r = await custody(['verify', packet, '--vault', nowhere]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain(`VALID but key NOT PINNED: signed by ${fingerprint}`);
    expect(r.stdout).toMatch(/anyone could have signed it/i);
    expect(r.stdout).toContain(`--key ${fingerprint}`);
    const json = await custody(['verify', packet, '--json']);
    expect(json.code).toBe(3);
    expect(json.json).toMatchObject({ valid: true, keyPinned: false, fingerprint });
    expect(r.stdout).toMatch(/OK {10}i_[a-z2-7]{16}/);
    await expect(access(nowhere)).rejects.toThrow();
  });

  it('exits 0 with the pinned key, 1 with another', async () => {
    const ok = await custody(['verify', packet, '--key', fingerprint, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ valid: true, keyPinned: true });
    const other = await custody(['verify', packet, '--key', 'ab'.repeat(32)]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('INVALID');
    expect(other.stdout).toContain('[key-mismatch]');
  });

  it('exits 1 and names the altered file', async () => {
    const bad = join(dir, 'bad.zip');
    await rewriteZip(packet, bad, (name, data) =>
      name.startsWith('evidence/') && name.endsWith('.jpg') ? flipByte(data) : data,
    );
    const r = await custody(['verify', bad, '--key', fingerprint]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[file-altered\] evidence\/i_[a-z2-7]{16}-aaa-orig\.jpg/);
    expect(r.stdout).toMatch(/ALTERED +i_/);
  });

  it('exits 1 with [manifest-altered] when a byte inside the deflated manifest is flipped', async () => {
    const bytes = await readFile(packet);
    const { start, end } = dataOf(bytes, 'manifest.json');
    const bad = join(dir, 'manifest-flipped.zip');
    await writeFile(bad, flipByte(bytes, Math.floor((start + end) / 2)));
    const r = await custody(['verify', bad, '--key', fingerprint]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('[manifest-altered]');
  });

  it('exits 2 on input that is not a packet', async () => {
    const junk = join(dir, 'junk.zip');
    await writeFile(junk, 'not a zip');
    const r = await custody(['verify', junk, '--json']);
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect((await custody(['verify'])).code).toBe(2);
  });

  it('opens an age-encrypted packet with --identity', async () => {
    const key = join(dir, 'agency-key.txt');
    execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', key], { encoding: 'utf8' }).trim();
    const cases = await custody(['case', 'list', ...base, '--json']);
    const caseId = (cases.json as unknown as { id: string }[])[0]?.id ?? '';
    const out = join(dir, 'packet.zip.age');
    const built = await custody([
      'packet',
      'build',
      ...base,
      '--case',
      caseId,
      '--out',
      out,
      '--recipient',
      recipient,
    ]);
    expect(built.code, built.stderr).toBe(0);
    expect((await custody(['verify', out, '--identity', key, '--key', fingerprint])).code).toBe(0);
    expect((await custody(['verify', out])).code).toBe(2);
  });
});

describe('custody log verify', () => {
  it('exits 0 on an intact log and 1 naming the entry changed behind its back', async () => {
    const ok = await custody(['log', 'verify', ...base]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK: \d+ entries, chain intact/);

    const core = new CustodyCore(vault);
    await core.unlock(PASSPHRASE);
    core
      .vault()
      .db.prepare(`UPDATE custody_entries SET actor = 'someone-else' WHERE seq = 2`)
      .run();
    await core.close();

    const bad = await custody(['log', 'verify', ...base, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ ok: false, problem: { seq: 2, kind: 'changed' } });
  });
});
