// `custody colleague add|list|remove` through the real binary, between two real vaults: a card is
// pinned only when its signature checks, and its fingerprint is what both reviewers compare.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCustody } from '../../../tests/helpers/cli.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';

let root = '';
let cleanup: () => Promise<void> = async () => {};
const base = (who: string) => [
  '--vault',
  join(root, who),
  '--passphrase-file',
  join(root, 'pass'),
  '--json',
];

beforeAll(async () => {
  const t = await tempDir();
  root = t.path;
  cleanup = t.cleanup;
  await writeFile(join(root, 'pass'), 'pass phrase');
  for (const [who, name] of [
    ['alice', 'Alice Night'],
    ['bea', 'Bea Day'],
  ] as const) {
    expect((await runCustody(['init', '--name', name, ...base(who)])).code).toBe(0);
    const card = await runCustody([
      'key',
      'card',
      '--out',
      join(root, `${who}.card`),
      ...base(who),
    ]);
    expect(card.code, card.stderr).toBe(0);
  }
});
afterAll(() => cleanup());

describe('custody colleague', () => {
  it('adds a colleague from their card, with the fingerprint their key show prints', async () => {
    const beaKeys = (await runCustody(['key', 'show', ...base('bea')])).json as Record<
      string,
      string
    >;
    const added = await runCustody(['colleague', 'add', join(root, 'bea.card'), ...base('alice')]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json).toMatchObject({
      name: 'Bea Day',
      fingerprint: beaKeys['workstationFingerprint'],
      ageRecipient: beaKeys['ageRecipient'],
      signingKey: beaKeys['publicKey'],
    });
    const human = await runCustody([
      'colleague',
      'list',
      ...base('alice').filter((a) => a !== '--json'),
    ]);
    expect(human.stdout).toContain(`${beaKeys['workstationFingerprint']}  Bea Day`);
    const again = await runCustody(['colleague', 'add', join(root, 'bea.card'), ...base('alice')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already a colleague/);
  });

  it('refuses a card altered after it was signed, and its own card', async () => {
    const card = await readFile(join(root, 'bea.card'), 'utf8');
    const forged = join(root, 'forged.card');
    await writeFile(forged, card.replace('name Bea Day', 'name Bea Dav'));
    const refused = await runCustody(['colleague', 'add', forged, ...base('alice')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/signature does not check/);
    const own = await runCustody(['colleague', 'add', join(root, 'alice.card'), ...base('alice')]);
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/own card/);
    const missing = await runCustody(['colleague', 'add', join(root, 'nope'), ...base('alice')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the card .*nope \(ENOENT\)/);
  });

  it('removes a colleague, and says so for one that is not there', async () => {
    const listed = (await runCustody(['colleague', 'list', ...base('alice')])).json as {
      fingerprint: string;
    }[];
    expect(listed).toHaveLength(1);
    const fpr = listed[0]!.fingerprint;
    expect((await runCustody(['colleague', 'remove', fpr, ...base('alice')])).code).toBe(0);
    expect((await runCustody(['colleague', 'list', ...base('alice')])).json).toEqual([]);
    const gone = await runCustody(['colleague', 'remove', fpr, ...base('alice')]);
    expect(gone.code).toBe(1);
  });
});
