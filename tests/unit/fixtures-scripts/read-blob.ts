// Child process of at-rest.test.ts: unlocks the vault afresh and prints the SHA-256 of one blob.
import { createHash } from 'node:crypto';
import { CustodyCore } from '../../../electron/core/core.ts';

const [dir, caseId, blobId] = process.argv.slice(2) as [string, string, string];
const core = new CustodyCore(dir);
await core.unlock(process.env['CUSTODY_PASSPHRASE'] ?? '');
const vault = core.vault();
const hash = createHash('sha256');
for await (const chunk of vault.blobs.createReadStream(vault.caseKey(caseId), blobId))
  hash.update(chunk as Buffer);
process.stdout.write(hash.digest('hex') + '\n');
core.lock();
