// Wrong passphrases given to separate `custody` runs are counted and reported by the next
// successful unlock's custody entry, then the count starts again from zero.
import { describe, it, expect, afterEach } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CustodyCore } from '../core/core.ts';
import { allEntries } from '../core/custody/custody-log.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { runCustody } from '../../tests/helpers/cli.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('failed unlocks', () => {
  it('four wrong passphrases in four processes: failedAttemptsBefore 4, then 0', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const vault = join(t.path, 'vault');
    const [good, bad] = [join(t.path, 'good'), join(t.path, 'bad')];
    await writeFile(good, 'the right one');
    await writeFile(bad, 'a wrong one');
    const run = (pf: string) =>
      runCustody(['case', 'list', '--vault', vault, '--passphrase-file', pf, '--json']);
    expect((await runCustody(['init', '--vault', vault, '--passphrase-file', good])).code).toBe(0);
    for (let i = 0; i < 4; i++) expect((await run(bad)).code).toBe(1);
    expect((await run(good)).code).toBe(0);
    expect((await run(good)).code).toBe(0);

    const core = new CustodyCore(vault, { access: 'read' });
    cleanups.push(() => core.close());
    await core.unlock('the right one');
    const unlocks = allEntries(core.vault().db)
      .filter((e) => e.action === 'vault.unlocked')
      .map((e) => e.details['failedAttemptsBefore']);
    // The two good runs, then this one.
    expect(unlocks).toEqual([4, 0, 0]);
  });
});
