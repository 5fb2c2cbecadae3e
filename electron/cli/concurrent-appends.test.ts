// Custody-log appends from processes running side by side: readers share a vault, and each one
// logs its own unlock and lock. Before appends ran in BEGIN IMMEDIATE, two of them could read the
// same last seq and the loser died of an uncaught "UNIQUE constraint failed: custody_entries.seq".
import { describe, it, expect, afterEach } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../tests/helpers/temp.ts';
import { runCustody } from '../../tests/helpers/cli.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('concurrent custody-log appends', () => {
  it('eight readers at once: every run exits 0, every entry lands, the chain verifies', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const pf = join(t.path, 'pass');
    await writeFile(pf, 'appends passphrase');
    const base = ['--vault', join(t.path, 'vault'), '--passphrase-file', pf, '--json'];
    expect((await runCustody(['init', ...base])).code).toBe(0);
    const before = (await runCustody(['log', 'verify', ...base])).json as { entries: number };

    const readers = 8;
    const runs = await Promise.all(
      Array.from({ length: readers }, () => runCustody(['case', 'list', ...base])),
    );
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/UNIQUE|SqliteError|at .*\.ts:\d+/);
      expect(r.code, r.stderr).toBe(0);
    }
    const after = await runCustody(['log', 'verify', ...base]);
    expect(after.code, after.stderr).toBe(0);
    // Each reader: vault.unlocked and vault.locked; the first verify: the same two.
    expect(after.json).toMatchObject({ ok: true, entries: before.entries + 2 + readers * 2 });
    // Eight Node processes starting at once on a two-core machine.
  }, 240_000);
});
