// Unlock time with the real Argon2id profile (256 MiB, t=3), against bare Argon2id with the same
// parameters in the same run; and a 10,000-item case: list (the grid's open), filter and search times.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { CustodyCore } from '../electron/core/core.ts';
import { createCase } from '../electron/core/cases/case.service.ts';
import { listItems } from '../electron/core/items/item.service.ts';
import { DEFAULT_KDF } from '../electron/core/vault/kdf.ts';

const PASS = 'bench passphrase';
const ITEMS = Math.round(10_000 * Number(process.env['CUSTODY_BENCH_SCALE'] ?? 1));

async function ms(work: () => unknown): Promise<number> {
  const t = performance.now();
  await work();
  return Math.round((performance.now() - t) * 10) / 10;
}

/** Item rows as ingest writes them, without the files: what a 10,000-item case costs to list. */
function seedItems(core: CustodyCore, caseId: string, n: number): void {
  const db = core.vault().db;
  const blob = db.prepare(
    "INSERT INTO blobs (id, case_id, role, size, created_at) VALUES (?, ?, 'original', 1, ?)",
  );
  const item = db.prepare(
    `INSERT INTO items (id, case_id, kind, mime, original_name, size, sha256, sha1, md5, width, height, metadata, flags, original_blob, created_at)
     VALUES (?, ?, 'image', 'image/jpeg', ?, 1000, ?, ?, ?, 1600, 1200, '{}', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = `i_${randomBytes(10)
        .toString('hex')
        .slice(0, 16)
        .replace(/[0189]/g, 'a')}`;
      const blobId = randomBytes(16).toString('hex');
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      blob.run(blobId, caseId, at);
      item.run(
        id,
        caseId,
        `folder/photo-${i}.jpg`,
        randomBytes(32).toString('hex'),
        randomBytes(20).toString('hex'),
        randomBytes(16).toString('hex'),
        i % 7 === 0 ? '["gps"]' : '[]',
        blobId,
        at,
      );
    }
  })();
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-bench-vault-'));
  const weak = process.env['CUSTODY_TEST_WEAK_KDF'];
  delete process.env['CUSTODY_TEST_WEAK_KDF'];
  try {
    const core = new CustodyCore(dir, { surface: 'bench' });
    const createMs = await ms(() => core.create(PASS));
    core.lock();
    const unlockMs = await ms(() => core.unlock(PASS));
    const bareArgon2Ms = await ms(() =>
      hashRaw(PASS, {
        algorithm: 2,
        memoryCost: DEFAULT_KDF.memoryKiB,
        timeCost: DEFAULT_KDF.iterations,
        parallelism: 1,
        outputLen: 32,
        salt: randomBytes(16),
      }),
    );
    const c = createCase(core.vault(), { title: 'Bench', kind: 'other' });
    const seedMs = await ms(() => seedItems(core, c.id, ITEMS));
    const vault = core.vault();
    const openMs = await ms(() => {
      for (let offset = 0; offset < ITEMS; offset += 2000) listItems(vault, c.id, offset, 2000);
    });
    const filterMs = await ms(() => listItems(vault, c.id, 0, 2000, { flag: 'gps' }));
    const searchMs = await ms(() => listItems(vault, c.id, 0, 2000, { search: 'photo-99' }));
    await core.close();
    return {
      kdf: { ...DEFAULT_KDF },
      createVaultMs: createMs,
      unlockMs,
      bareArgon2Ms,
      unlockVsBareArgon2: Math.round((unlockMs / bareArgon2Ms) * 100) / 100,
      caseItems: ITEMS,
      seedItemsMs: seedMs,
      listAllItemsMs: openMs,
      filterGpsMs: filterMs,
      searchByNameMs: searchMs,
    };
  } finally {
    if (weak !== undefined) process.env['CUSTODY_TEST_WEAK_KDF'] = weak;
    await rm(dir, { recursive: true, force: true });
  }
}
