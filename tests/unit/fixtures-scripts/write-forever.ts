// Child process of at-rest.test.ts: writes blobs and their rows until killed, one line per commit.
import { randomBytes } from 'node:crypto';
import { CustodyCore } from '../../../electron/core/core.ts';
import { insertBlobRow } from '../../../electron/core/blobs/blob.queries.ts';

const [dir, caseId] = process.argv.slice(2) as [string, string];
const core = new CustodyCore(dir);
await core.unlock(process.env['CUSTODY_PASSPHRASE'] ?? '');
const vault = core.vault();
const key = vault.caseKey(caseId);
for (;;) {
  const blob = await vault.blobs.write(
    key,
    randomBytes(20_000 + Math.floor(Math.random() * 200_000)),
  );
  vault.db.transaction(() =>
    insertBlobRow(vault.db, { id: blob.id, caseId, role: 'original', size: blob.size }),
  )();
  process.stdout.write(`${blob.id}\n`);
}
