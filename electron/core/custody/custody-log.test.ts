// The custody log against tampering through raw SQL on the unlocked database.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../core.ts';
import { createCase, updateCase, closeCase, destroyCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { allEntries, verifyLog, writeCheckpoint, entriesFor, leafOf } from './custody-log.ts';
import { treeHead } from './merkle.ts';
import { openCheckpoint, signCheckpoint } from './signed-note.ts';
import { entryHash } from './entry.ts';
import { workstationKey } from './signing-key.ts';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore());
  const vault = core.vault();
  const c = createCase(vault, { title: 'Logged', kind: 'harassment' });
  updateCase(vault, { id: c.id, notes: 'note' });
  const [r] = await startIngest(
    vault,
    core.decoder(),
    c.id,
    [join(FIXTURES, 'pngsuite', 'basn2c08.png')],
    () => {},
  ).finished;
  core.reveal.set(r?.item?.id ?? '', 'outline');
  core.reveal.veilAll();
  closeCase(vault, c.id);
});
afterEach(() => cleanup());

const db = () => core.vault().db;

describe('custody log', () => {
  it('records every action in order, and verifies end to end', () => {
    const actions = allEntries(db()).map((e) => e.action);
    expect(actions).toEqual([
      'vault.created',
      'case.created',
      'case.updated',
      'item.ingested',
      'item.unveiled',
      'item.veiled',
      'case.closed',
    ]);
    expect(verifyLog(core.vault())).toMatchObject({ ok: true, entries: 7, problem: null });
    const itemId = allEntries(db())[3]?.itemId ?? '';
    expect(entriesFor(db(), { itemId }).map((e) => e.action)).toEqual([
      'item.ingested',
      'item.unveiled',
      'item.veiled',
    ]);
  });

  it('locates an entry whose details were changed', () => {
    db().prepare(`UPDATE custody_entries SET details = '{"fields":["title"]}' WHERE seq = 3`).run();
    expect(verifyLog(core.vault()).problem).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('locates a change to the last entry, which no checkpoint covers yet', () => {
    expect(
      db().prepare('SELECT COUNT(*) FROM custody_checkpoints').pluck().get(),
      'no checkpoint',
    ).toBe(0);
    const last = allEntries(db()).at(-1);
    expect(last?.action).toBe('case.closed');
    db()
      .prepare(`UPDATE custody_entries SET at = '2000-01-01T00:00:00.000Z' WHERE seq = ?`)
      .run(last?.seq);
    expect(verifyLog(core.vault()).problem).toMatchObject({ seq: last?.seq, kind: 'changed' });
  });

  it('locates a changed actor, and a forger who recomputes its hash breaks the next link', () => {
    db().prepare(`UPDATE custody_entries SET actor = 'someone-else' WHERE seq = 4`).run();
    expect(verifyLog(core.vault()).problem).toMatchObject({ seq: 4, kind: 'changed' });
    const forged = allEntries(db())[3];
    if (!forged) throw new Error('no entry 4');
    db()
      .prepare('UPDATE custody_entries SET hash = ? WHERE seq = 4')
      .run(Buffer.from(entryHash(forged), 'hex'));
    expect(verifyLog(core.vault()).problem).toMatchObject({ seq: 5, kind: 'out-of-order' });
  });

  it('locates a removed entry', () => {
    db().prepare('DELETE FROM custody_entries WHERE seq = 5').run();
    expect(verifyLog(core.vault()).problem).toMatchObject({ seq: 5, kind: 'missing' });
  });

  it('detects two entries swapped', () => {
    db().transaction(() => {
      db().prepare('UPDATE custody_entries SET seq = -1 WHERE seq = 2').run();
      db().prepare('UPDATE custody_entries SET seq = 2 WHERE seq = 3').run();
      db().prepare('UPDATE custody_entries SET seq = 3 WHERE seq = -1').run();
    })();
    expect(verifyLog(core.vault()).problem?.seq).toBe(2);
  });

  it('detects the tail cut off below the signed checkpoint', () => {
    writeCheckpoint(core.vault(), 'test');
    db().prepare('DELETE FROM custody_entries WHERE seq >= 6').run();
    expect(verifyLog(core.vault()).problem).toMatchObject({ seq: 6, kind: 'truncated' });
  });

  it('still opens a checkpoint signed under the key name used before it became the origin', () => {
    const vault = core.vault();
    const key = workstationKey(vault);
    const entries = allEntries(db());
    const c = {
      origin: `custody/${vault.vaultId}`,
      treeSize: entries.length,
      root: treeHead(entries.map(leafOf)),
    };
    const legacy = signCheckpoint(
      c,
      `custody-${vault.vaultId.slice(0, 12)}`,
      key.publicKey,
      key.sign,
    );
    const insert = db().prepare(
      `INSERT INTO custody_checkpoints (tree_size, root, note, reason, created_at) VALUES (?, ?, ?, 'test', '')`,
    );
    insert.run(c.treeSize, c.root, legacy);
    expect(verifyLog(vault)).toMatchObject({ ok: true, checkpoint: { treeSize: entries.length } });
    db().prepare('DELETE FROM custody_checkpoints').run();
    // Under any other name it is refused: the fallback is that one name, not any name.
    insert.run(c.treeSize, c.root, signCheckpoint(c, 'someone-else', key.publicKey, key.sign));
    expect(verifyLog(vault).problem).toMatchObject({ kind: 'checkpoint' });
  });

  it('signs a checkpoint on lock that opens with the workstation key', async () => {
    const vault = core.vault();
    const key = workstationKey(vault);
    const name = `custody/${vault.vaultId}`;
    core.lock();
    await core.unlock(PASSPHRASE);
    const note = core
      .vault()
      .db.prepare('SELECT note FROM custody_checkpoints ORDER BY tree_size DESC')
      .pluck()
      .get() as string;
    const c = openCheckpoint(note, name, key.publicKey);
    expect(c?.treeSize).toBe(8); // seven actions and the lock
    expect(openCheckpoint(note.replace('\n8\n', '\n9\n'), name, key.publicKey)).toBeNull();
    expect(verifyLog(core.vault())).toMatchObject({ ok: true, entries: 9 });
  });

  it('keeps a record of a destroyed case with no title in it', async () => {
    const vault = core.vault();
    const c = createCase(vault, { title: 'SECRET-TITLE', kind: 'doxxing' });
    await destroyCase(vault, c.id);
    const last = allEntries(vault.db).at(-1);
    expect(last).toMatchObject({ action: 'case.destroyed', caseId: c.id });
    expect(JSON.stringify(last)).not.toContain('SECRET-TITLE');
    expect(verifyLog(vault).ok).toBe(true);
  });
});
