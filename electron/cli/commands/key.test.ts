// `custody init --name`, `custody key show` and `custody key card`, through the real binary: the
// JSON fields and exit statuses are what scripts rely on.
import { describe, it, expect, afterAll } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCustody } from '../../../tests/helpers/cli.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function vaultNamed(name: string) {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  await writeFile(join(t.path, 'pass'), 'pass phrase');
  const base = ['--vault', join(t.path, 'v'), '--passphrase-file', join(t.path, 'pass'), '--json'];
  const init = await runCustody(['init', '--name', name, ...base]);
  expect(init.code, init.stderr).toBe(0);
  return { root: t.path, base, init };
}

describe('custody init --name and custody key', () => {
  it('names the reviewer; key show prints both public keys and one short fingerprint', async () => {
    const { base, init } = await vaultNamed('Alice Night');
    expect(init.json).toMatchObject({ reviewer: 'Alice Night', state: 'unlocked' });
    const shown = await runCustody(['key', 'show', ...base]);
    expect(shown.code).toBe(0);
    const doc = shown.json as Record<string, string>;
    expect(doc['algorithm']).toBe('Ed25519');
    expect(doc['fingerprint']).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(doc['publicKey'] ?? '', 'base64')).toHaveLength(32);
    expect(doc['keyName']).toMatch(/^custody\//);
    expect(doc['reviewer']).toBe('Alice Night');
    expect(doc['ageRecipient']).toMatch(/^age1[0-9a-z]{58}$/);
    expect(doc['workstationFingerprint']).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/);
  });

  it('writes a card that carries what key show says, and never overwrites a file', async () => {
    const { root, base } = await vaultNamed('Alice Night');
    const shown = (await runCustody(['key', 'show', ...base])).json as Record<string, string>;
    const out = join(root, 'alice.card');
    const made = await runCustody(['key', 'card', '--out', out, ...base]);
    expect(made.code, made.stderr).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain(`fingerprint ${shown['workstationFingerprint']}\n`);
    expect(text).toContain(`age-recipient ${shown['ageRecipient']}\n`);
    expect(text).toContain(`signing-key ${shown['publicKey']}\n`);
    const again = await runCustody(['key', 'card', '--out', out, ...base]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('refuses a name with a line break, creating nothing', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    await writeFile(join(t.path, 'pass'), 'pass phrase');
    const bad = await runCustody([
      'init',
      '--name',
      'A\nB',
      '--vault',
      join(t.path, 'v'),
      '--passphrase-file',
      join(t.path, 'pass'),
    ]);
    expect(bad.code).toBe(2);
    const status = await runCustody([
      'key',
      'show',
      '--vault',
      join(t.path, 'v'),
      '--passphrase-file',
      join(t.path, 'pass'),
    ]);
    expect(status.stderr).toMatch(/No vault/);
  });
});
