// The at-rest tests are only as good as this scanner: prove it finds what it looks for.
import { describe, it, expect } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { scanForPlaintext } from '../helpers/plaintext-scan.ts';
import { tempDir } from '../helpers/temp.ts';

describe('plaintext scanner', () => {
  it('finds markers in UTF-8 and UTF-16 and any unaligned 127-byte run of a payload', async () => {
    const t = await tempDir();
    const payload = randomBytes(10_000);
    const a = join(t.path, 'a');
    const b = join(t.path, 'b');
    const c = join(t.path, 'c');
    await writeFile(
      a,
      Buffer.concat([randomBytes(100), Buffer.from('Секрет-1', 'utf16le'), randomBytes(100)]),
    );
    await writeFile(
      b,
      Buffer.concat([randomBytes(33), payload.subarray(4001, 4001 + 127), randomBytes(50)]),
    );
    await writeFile(c, randomBytes(20_000));
    const found = await scanForPlaintext([a, b, c], ['Секрет-1'], [payload]);
    expect(found.map((f) => f.file)).toEqual([a, b]);
    await t.cleanup();
  });
});
