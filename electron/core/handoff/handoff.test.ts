// Two real vaults in one test: Alice hands a case to Bea, Bea works on it and sends it back, Alice
// merges. The bundle is a standard age file, signed, carrying proven history; everything a
// receiver must refuse is refused with its reason and leaves nothing behind.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  seededVault,
  freshCore,
  evidenceImages,
  ingestThrough,
  dispatcherCall,
  type SeededVault,
  type FreshCore,
} from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { scanForPlaintext } from '../../../tests/helpers/plaintext-scan.ts';
import { withAgeIdentity } from '../identity/age-identity.ts';
import { allEntries, record, verifyLog } from '../custody/custody-log.ts';
import type { CustodyCore } from '../core.ts';
import { openBundle } from './open-bundle.ts';
import { importBundle } from './import-bundle.ts';
import { closeZip } from '../packets/zip-read.ts';
import type { BundleManifest } from './bundle-format.ts';
import { textFixtures, emlWithAttachments } from '../../../tests/fixtures/written/index.ts';

let alice: SeededVault;
let bea: FreshCore;
let carl: FreshCore;
let out: { path: string; cleanup: () => Promise<void> };
let caseId = '';
let firstBundle = '';
/** How many items Alice's case holds when sent: two images, a text file, an e-mail and its children. */
let sentItems = 0;
let textItemId = '';
const RUSSIAN = textFixtures().find((f) => f.name === 'cp1251-russian.txt')!;
const TITLE = 'Night shift case Zanzibar-7741';
const BEA_TITLE = 'Zanzibar-7741, uploader identified';
const BEA_NOTES = 'Bea: the uploader also posts as quokka-9922';
const ALICE_NOTES = 'Alice: escalated to the 04:00 duty lead';
const NOTE = 'Seen first at 02:10, uploader quokka-9921';

const refusal = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { code?: string; reason?: string; message?: string } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return e!;
};

beforeAll(async () => {
  out = await tempDir('custody-handoff-');
  alice = await seededVault({ cases: 1, itemsPerCase: 2 });
  bea = await freshCore();
  carl = await freshCore();
  alice.core.identity.rename('Alice Night');
  bea.core.identity.rename('Bea Day');
  carl.core.identity.rename('Carl Eve');
  alice.core.colleagues.add(bea.core.identity.cardFile());
  bea.core.colleagues.add(alice.core.identity.cardFile());
  carl.core.colleagues.add(alice.core.identity.cardFile());
  caseId = alice.cases[0]!.id;
  await alice.call('cases:update', { id: caseId, title: TITLE });
  const [first] = alice.cases[0]!.items;
  await alice.call('notes:add', { itemId: first!.id, body: NOTE });
  await alice.call('triage:categorise', { itemIds: [first!.id], category: 'harassment' });
  // Written evidence with a text layer in a legacy encoding, and an e-mail whose attachments are
  // child items; a hash list matching the second image (confirmed) and a label in another scheme.
  const written = join(out.path, 'written');
  await mkdir(written);
  await writeFile(join(written, RUSSIAN.name), RUSSIAN.bytes);
  await writeFile(join(written, 'threat.eml'), emlWithAttachments().bytes);
  const run = await ingestThrough(alice.core, alice.call, caseId, [
    join(written, RUSSIAN.name),
    join(written, 'threat.eml'),
  ]);
  expect(run.failures).toEqual([]);
  const second = alice.cases[0]!.items[1]!;
  const { sha256 } = await alice.call('items:get', { id: second.id });
  await writeFile(join(out.path, 'list.txt'), `${sha256}\n`);
  await alice.core.hashlists.import(join(out.path, 'list.txt'), {
    name: 'Team list',
    format: 'sha256',
    threshold: 31,
    knownIllegal: false,
    negative: false,
  });
  const [match] = await alice.call('hashlists:matches', { itemId: second.id });
  await alice.call('hashlists:review', { matchId: match!.id, verdict: 'confirmed' });
  await alice.call('hashlists:label', { itemId: first!.id, categoryId: 'vics-us:2' });
  const listed = await alice.call('items:list', { caseId, limit: 100 });
  sentItems = listed.items.length;
  textItemId = listed.items.find((i) => i.originalName.endsWith(RUSSIAN.name))!.id;
  firstBundle = join(out.path, 'to-bea.custody-handoff');
  await alice.core.handoff.send({ caseId, to: 'Bea Day', out: firstBundle });
}, 60_000);

afterAll(async () => {
  await alice?.cleanup();
  await bea?.cleanup();
  await carl?.cleanup();
  await out?.cleanup();
});

describe('sending a case', () => {
  it("is a standard age file: Debian's age opens it with Bea's identity, another identity cannot", () => {
    const identityFile = join(out.path, 'bea.key');
    withAgeIdentity(bea.core.vault(), (id) =>
      execFileSync('sh', ['-c', `umask 077; cat > "${identityFile}"`], { input: `${id}\n` }),
    );
    const zip = execFileSync('age', ['-d', '-i', identityFile, firstBundle]);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(zip.includes(Buffer.from('bundle.json'))).toBe(true);
    const stranger = join(out.path, 'stranger.key');
    execFileSync('age-keygen', ['-o', stranger], { stdio: 'ignore' });
    expect(() =>
      execFileSync('age', ['-d', '-i', stranger, firstBundle], { stdio: 'pipe' }),
    ).toThrow(/no identity matched/);
  });

  it('holds none of the case in plaintext: title, notes, file names, image bytes', async () => {
    const originals = await Promise.all(
      alice.cases[0]!.items.map(async (i) =>
        alice.core
          .vault()
          .blobs.read(
            alice.core.vault().caseKey(caseId),
            alice.core
              .vault()
              .db.prepare('SELECT original_blob FROM items WHERE id = ?')
              .pluck()
              .get(i.id) as string,
          ),
      ),
    );
    const names = alice.cases[0]!.items.map((i) => i.originalName.split('/').at(-1)!);
    // The text layer travels as UTF-8 text; the original file is in windows-1251.
    const findings = await scanForPlaintext(
      [firstBundle],
      [TITLE, NOTE, ...names, 'harassment', RUSSIAN.text.split('\n')[0]!, RUSSIAN.name],
      [...originals, RUSSIAN.bytes],
    );
    expect(findings).toEqual([]);
    // The scan can fail: the decrypted ZIP holds the images and the manifest holds the title.
    const identityFile = join(out.path, 'bea.key');
    const plain = join(out.path, 'plain.zip');
    await writeFile(plain, execFileSync('age', ['-d', '-i', identityFile, firstBundle]));
    expect((await scanForPlaintext([plain], [TITLE], originals)).length).toBeGreaterThan(0);
  });

  it('leaves the case with Bea and read-only here; writes are refused with a typed error', async () => {
    expect(alice.core.handoff.status(caseId)).toMatchObject({
      state: 'with-colleague',
      colleague: { name: 'Bea Day' },
    });
    const item = alice.cases[0]!.items[1]!;
    await expect(alice.call('notes:add', { itemId: item.id, body: 'x' })).rejects.toThrow(
      /CASE_HANDED_OVER: .*with Bea Day since/,
    );
    await expect(alice.call('cases:update', { id: caseId, title: 'y' })).rejects.toThrow(
      /CASE_HANDED_OVER/,
    );
    const sent = allEntries(alice.core.vault().db).at(-1)!;
    expect(sent).toMatchObject({ action: 'case.sent', caseId, reviewer: 'Alice Night' });
  });
});

describe('receiving a case', () => {
  it('is refused by a workstation it is not for, which imports nothing', async () => {
    const e = await refusal(carl.core.handoff.receive(firstBundle));
    expect(e).toMatchObject({ code: 'BUNDLE_REFUSED', reason: 'not-for-this-workstation' });
    expect(carl.core.cases.list()).toEqual([]);
  });

  it('is refused from a sender who is not pinned', async () => {
    bea.core.colleagues.remove(alice.core.identity.card().fingerprint);
    try {
      const e = await refusal(bea.core.handoff.receive(firstBundle));
      expect(e).toMatchObject({ reason: 'unknown-sender' });
      expect(e.message).toContain(alice.core.identity.card().fingerprint);
    } finally {
      bea.core.colleagues.add(alice.core.identity.cardFile());
    }
  });

  it('is refused when tampered with or truncated, and leaves no blob behind', async () => {
    const bytes = await readFile(firstBundle);
    const blobsBefore = await readdir(join(bea.dir, 'blobs'), { recursive: true });
    const tampered = join(out.path, 'tampered');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 300]! ^= 0x01;
    await writeFile(tampered, flipped);
    expect(await refusal(bea.core.handoff.receive(tampered))).toMatchObject({ reason: 'damaged' });
    const truncated = join(out.path, 'truncated');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 100));
    const t = await refusal(bea.core.handoff.receive(truncated));
    expect(t).toMatchObject({ reason: 'damaged' });
    expect(t.message).toMatch(/truncated/);
    expect(bea.core.cases.list()).toEqual([]);
    expect(await readdir(join(bea.dir, 'blobs'), { recursive: true })).toEqual(blobsBefore);
  });

  it('imports the case with its items, triage, notes and proven history', async () => {
    const got = await bea.core.handoff.receive(firstBundle);
    expect(got).toMatchObject({
      caseId,
      mode: 'new',
      from: { name: 'Alice Night' },
      itemsAdded: sentItems,
      notesAdded: 1,
    });
    expect(got.case.title).toBe(TITLE);
    const call = dispatcherCall(bea.core);
    const { items } = await call('items:list', { caseId, limit: 100 });
    expect(items).toHaveLength(sentItems);
    const first = await call('items:get', { id: alice.cases[0]!.items[0]!.id });
    expect(first.category).toBe('harassment');
    expect(first.notes.map((n) => n.body)).toEqual([NOTE]);
    // Labels in every scheme, and the hash-list match with its list, version, distance and state.
    expect((await call('hashlists:labels', { itemId: first.id })).labels).toContain('vics-us:2');
    const second = alice.cases[0]!.items[1]!;
    expect(bea.core.handoff.receivedMatches(caseId)).toEqual([
      expect.objectContaining({
        itemId: second.id,
        listName: 'Team list',
        listVersion: 1,
        hashType: 'sha256',
        distance: 0,
        status: 'confirmed',
      }),
    ]);
    // The text layer, decoded as it was, with its encoding and language; searchable here.
    const text = await call('items:text', { itemId: textItemId });
    expect(text).toMatchObject({ text: RUSSIAN.text, encoding: 'windows-1251' });
    expect((await call('items:get', { id: textItemId })).language).toBe('ru');
    const word = RUSSIAN.text.split(/\s+/)[1]!;
    const { hits } = await call('search:query', { caseId, query: word });
    expect(hits.map((h) => h.itemId)).toContain(textItemId);
    // The e-mail's attachments stay its children, each at its path inside it.
    const children = items.filter((i) => i.parentId !== null);
    expect(children.length).toBeGreaterThanOrEqual(2);
    const aliceChildren = (await alice.call('items:list', { caseId, limit: 100 })).items.filter(
      (i) => i.parentId !== null,
    );
    expect(children.map((c) => [c.id, c.parentId])).toEqual(
      aliceChildren.map((c) => [c.id, c.parentId]),
    );
    // The original is re-encrypted under Bea's case key and reads back byte for byte.
    const aliceVault = alice.core.vault();
    const blobOf = (core: CustodyCore, id: string) =>
      core
        .vault()
        .db.prepare('SELECT original_blob FROM items WHERE id = ?')
        .pluck()
        .get(id) as string;
    const theirs = await aliceVault.blobs.read(
      aliceVault.caseKey(caseId),
      blobOf(alice.core, first.id),
    );
    const ours = await bea.core
      .vault()
      .blobs.read(bea.core.vault().caseKey(caseId), blobOf(bea.core, first.id));
    expect(ours.equals(theirs)).toBe(true);
    const history = bea.core.handoff.history(caseId);
    expect(history.length).toBeGreaterThanOrEqual(5);
    expect(history.every((h) => h.verified)).toBe(true);
    expect(history.map((h) => h.entry.action)).toContain('item.ingested');
    const received = allEntries(bea.core.vault().db).at(-1)!;
    expect(received).toMatchObject({
      action: 'case.received',
      reviewer: 'Bea Day',
      details: { bundleSha256: got.bundleSha256, mode: 'new' },
    });
    expect(received.details['senderCheckpoint']).toMatch(/^custody\//);
    expect(verifyLog(bea.core.vault()).ok).toBe(true);
  });

  it('shows proven history as unverified once a stored entry is altered', () => {
    const db = bea.core.vault().db;
    const row = db
      .prepare('SELECT seq, entry FROM received_entries WHERE case_id = ? ORDER BY seq LIMIT 1')
      .get(caseId) as { seq: number; entry: string };
    db.prepare('UPDATE received_entries SET entry = ? WHERE case_id = ? AND seq = ?').run(
      row.entry.replace('"actor":"', '"actor":"x'),
      caseId,
      row.seq,
    );
    try {
      expect(bea.core.handoff.history(caseId).find((h) => h.entry.seq === row.seq)?.verified).toBe(
        false,
      );
    } finally {
      db.prepare('UPDATE received_entries SET entry = ? WHERE case_id = ? AND seq = ?').run(
        row.entry,
        caseId,
        row.seq,
      );
    }
  });

  it('refuses the same bundle again as a replay', async () => {
    expect(await refusal(bea.core.handoff.receive(firstBundle))).toMatchObject({
      reason: 'replay',
    });
  });
});

describe('back again', () => {
  let returned = '';
  it('merges what Bea added, flags a conflicting categorisation, and checks her log only grew', async () => {
    const call = dispatcherCall(bea.core);
    const [first, second] = alice.cases[0]!.items;
    await call('notes:add', { itemId: second!.id, body: 'Bea: same uploader' });
    await call('triage:categorise', { itemIds: [second!.id], category: 'doxxing' });
    await call('triage:categorise', { itemIds: [first!.id], category: 'threat-of-violence' });
    await call('cases:update', { id: caseId, title: BEA_TITLE, notes: BEA_NOTES });
    const evidence = await tempDir('custody-evidence-');
    try {
      const files = await evidenceImages(evidence.path, 1, 500);
      const run = await ingestThrough(bea.core, call, caseId, files);
      expect(run.ingested).toBe(1);
    } finally {
      await evidence.cleanup();
    }
    // Bea had the second item unveiled for 40 s (the entry her reveal service writes on veiling).
    const aliceSaw = (await alice.call('items:get', { id: second!.id })).exposureSeconds;
    record(bea.core.vault(), {
      action: 'item.veiled',
      caseId,
      itemId: second!.id,
      details: { highest: 'grey', seconds: 40 },
    });
    returned = join(out.path, 'to-alice.custody-handoff');
    await bea.core.handoff.send({ caseId, to: 'Alice Night', out: returned });
    // Alice took the case back meanwhile and categorised the first item herself.
    alice.core.handoff.takeBack(caseId, 'Bea unreachable for the 04:00 escalation');
    await alice.call('triage:categorise', { itemIds: [first!.id], category: 'terrorism' });
    await alice.call('cases:update', { id: caseId, notes: ALICE_NOTES });

    // What a forged return would carry, past the signature: a history that does not extend what
    // Bea took in, or one that does not start from Alice's bundle. Both are refused.
    for (const forge of [
      (r: NonNullable<BundleManifest['return']>) => (r.consistency = r.consistency.slice(1)),
      (r: NonNullable<BundleManifest['return']>) => (r.receivedBundleSha256 = '0'.repeat(64)),
    ]) {
      const opened = await openBundle(alice.core.vault(), returned);
      try {
        forge(opened.manifest.return!);
        expect(await refusal(importBundle(alice.core.vault(), opened))).toMatchObject({
          reason: 'bad-proof',
        });
      } finally {
        closeZip(opened.zip);
      }
    }
    const merged = await alice.core.handoff.receive(returned);
    expect(merged).toMatchObject({ mode: 'returned', itemsAdded: 1, notesAdded: 1, conflicts: 2 });
    const a = dispatcherCall(alice.core);
    expect((await a('items:list', { caseId, limit: 100 })).items).toHaveLength(sentItems + 1);
    // The case's own fields: Bea's title is taken (only she changed it); both changed the case
    // notes, so Alice's stay and Bea's wait for a decision.
    const merged_ = await a('cases:get', { id: caseId });
    expect(merged_.title).toBe(BEA_TITLE);
    expect(merged_.notes).toBe(ALICE_NOTES);
    expect((await a('items:get', { id: second!.id })).category).toBe('doxxing');
    // "Unveiled before, by anyone" counts Bea's time from her proven entries, once.
    expect((await a('items:get', { id: second!.id })).exposureSeconds).toBe(aliceSaw + 40);
    // Never silently overwritten: Alice's own category stays, Bea's waits for a decision.
    expect((await a('items:get', { id: first!.id })).category).toBe('terrorism');
    const colleague = bea.core.identity.card().fingerprint;
    const conflicts = alice.core.handoff.conflicts(caseId);
    expect(conflicts).toEqual([
      {
        id: expect.any(Number) as number,
        itemId: null,
        field: 'notes',
        ours: ALICE_NOTES,
        theirs: BEA_NOTES,
        colleague,
      },
      {
        id: expect.any(Number) as number,
        itemId: first!.id,
        field: 'category',
        ours: 'terrorism',
        theirs: 'threat-of-violence',
        colleague,
      },
    ]);
    expect(alice.core.handoff.status(caseId).state).toBe('here');
    const fromBea = alice.core.handoff.history(caseId).filter((h) => h.from.name === 'Bea Day');
    expect(fromBea.map((h) => h.entry.action)).toEqual(
      expect.arrayContaining(['case.received', 'item.ingested', 'item.annotated']),
    );
    expect(fromBea.every((h) => h.verified)).toBe(true);
    await a('notes:add', { itemId: first!.id, body: 'writable again' });
  });

  it('resolves a conflict by keeping either side, and logs the decision', async () => {
    const a = dispatcherCall(alice.core);
    const [notes, category] = alice.core.handoff.conflicts(caseId);
    const left = await a('handoff:resolve', { caseId, conflict: notes!.id, keep: 'theirs' });
    expect(left.map((c) => c.id)).toEqual([category!.id]);
    expect((await a('cases:get', { id: caseId })).notes).toBe(BEA_NOTES);
    expect(await a('handoff:resolve', { caseId, conflict: category!.id, keep: 'mine' })).toEqual(
      [],
    );
    expect((await a('items:get', { id: category!.itemId! })).category).toBe('terrorism');
    const logged = allEntries(alice.core.vault().db).filter(
      (e) => e.action === 'case.conflict-resolved',
    );
    expect(logged.map((e) => [e.details['field'], e.details['kept']])).toEqual([
      ['notes', 'theirs'],
      ['category', 'mine'],
    ]);
    await expect(
      a('handoff:resolve', { caseId, conflict: category!.id, keep: 'mine' }),
    ).rejects.toThrow(/NOT_FOUND/);
  });

  it('refuses an older bundle of the case than one already taken in, as a replay', async () => {
    const older = join(out.path, 'older.custody-handoff');
    const newer = join(out.path, 'newer.custody-handoff');
    await alice.core.handoff.send({ caseId, to: 'Bea Day', out: older });
    alice.core.handoff.takeBack(caseId, 'sent the wrong version');
    await alice.call('triage:severity', { itemIds: [alice.cases[0]!.items[0]!.id], severity: 3 });
    await alice.core.handoff.send({ caseId, to: 'Bea Day', out: newer });
    expect(await bea.core.handoff.receive(newer)).toMatchObject({ mode: 'returned' });
    const e = await refusal(bea.core.handoff.receive(older));
    expect(e).toMatchObject({ reason: 'replay' });
    expect(e.message).toMatch(/older than the bundle of this case from Alice Night/);
  });
});
