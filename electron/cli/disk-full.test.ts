// A full disk named as a full disk, on a real small disk: a 3 MiB tmpfs holds the vault, and a
// batch of incompressible images fills it. The files that no longer fit fail with DISK_FULL's
// reason (never "cannot be read" or a damaged vault), what went in stays, and the vault still
// unlocks and checks healthy.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { tempDir } from '../../tests/helpers/temp.ts';
import { runCustody } from '../../tests/helpers/cli.ts';
import type { VaultCheck } from '../../shared/contract/vault.ts';
import { CustodyCore } from '../core/core.ts';
import { allEntries } from '../core/custody/custody-log.ts';

const PASSPHRASE = 'disk full passphrase';
let root: { path: string; cleanup: () => Promise<void> } | null = null;
let disk = '';
let mounted = false;
let whyNot = '';

beforeAll(async () => {
  root = await tempDir();
  disk = join(root.path, 'disk');
  await mkdir(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk], { stdio: 'pipe' });
    mounted = true;
  } catch (e) {
    whyNot = (e as Error).message.split('\n')[0] ?? 'mount failed';
    console.log(`disk-full tests skipped: cannot mount a small tmpfs (${whyNot})`);
  }
});

afterAll(async () => {
  if (mounted) execFileSync('umount', [disk]);
  await root?.cleanup();
});

describe('a full disk', () => {
  it.skipIf(process.getuid?.() !== 0)(
    'fails the remaining files with DISK_FULL and keeps the vault whole',
    async (ctx) => {
      if (!mounted) return ctx.skip();
      const work = root?.path ?? '';
      const vault = join(disk, 'vault');
      const pf = join(work, 'pass');
      await writeFile(pf, PASSPHRASE);
      const base = ['--vault', vault, '--passphrase-file', pf, '--json'];
      expect((await runCustody(['init', ...base])).code).toBe(0);
      const c = await runCustody(['case', 'create', '--title', 'Full', '--kind', 'other', ...base]);
      const caseId = (c.json as { id: string }).id;

      // Random pixels do not compress: each PNG is about 190 KiB, 16 of them more than 3 MiB.
      const evidence = join(work, 'evidence');
      await mkdir(evidence);
      const files: string[] = [];
      for (let i = 0; i < 16; i++) {
        const f = join(evidence, `noise-${String(i).padStart(2, '0')}.png`);
        await sharp(randomBytes(256 * 256 * 3), { raw: { width: 256, height: 256, channels: 3 } })
          .png()
          .toFile(f);
        files.push(f);
      }

      const run = await runCustody(['ingest', '--case', caseId, evidence, ...base]);
      const out = run.json as {
        ingested: number;
        failed: number;
        results: { path: string; status: string; reason: string | null }[];
        error?: { code: string; message: string };
      };
      expect(out.error, run.stdout + run.stderr).toBeUndefined();
      expect(run.code).toBe(1);
      expect(out.ingested).toBeGreaterThan(0);
      expect(out.failed).toBeGreaterThan(0);
      const failed = out.results.filter((r) => r.status === 'failed');
      for (const r of failed) {
        expect(r.reason).toMatch(/^The vault's disk is full: about \d+(\.\d+)? [KM]i?B more/);
        expect(r.reason).toMatch(/Nothing was lost/);
        expect(r.reason).not.toMatch(/cannot be read|damaged|decrypted/);
      }

      // What went in stays, and the vault is whole: it checks healthy without unlocking for writing.
      const check = await runCustody(['vault', 'check', ...base]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect((check.json as VaultCheck).healthy).toBe(true);

      // Another file on the full disk: named as DISK_FULL (exit 2), or failed with its reason.
      const one = join(work, 'one-more.png');
      await sharp(randomBytes(128 * 128 * 3), { raw: { width: 128, height: 128, channels: 3 } })
        .png()
        .toFile(one);
      // Closing the vault gave back its write-ahead log's room: take every byte left first.
      const filler = join(disk, 'filler');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'pipe' });
      } catch {
        // dd stops with "No space left on device", which is the point.
      }
      const more = await runCustody(['ingest', '--case', caseId, one, ...base]);
      await rm(filler);
      const again = more.json as {
        error?: { code: string };
        failed?: number;
        results?: { reason: string | null }[];
      };
      if (again.error) {
        expect(again.error.code).toBe('DISK_FULL');
        expect(more.code).toBe(2);
      } else {
        expect(again.failed).toBe(1);
        expect(again.results?.[0]?.reason).toMatch(/^The vault's disk is full/);
      }

      // Room made (the evidence was never on this disk): the vault unlocks and lists what it kept.
      execFileSync('mount', ['-o', 'remount,size=16m', disk]);
      const list = await runCustody(['item', 'list', '--case', caseId, ...base]);
      expect(list.code, list.stdout + list.stderr).toBe(0);
      expect((list.json as { total: number }).total).toBe(out.ingested);
      const after = await runCustody(['vault', 'check', ...base]);
      expect((after.json as VaultCheck).healthy).toBe(true);
    },
    120_000,
  );

  it.skipIf(process.getuid?.() !== 0)(
    'records the lock in the custody log when the disk filled while unlocked',
    async (ctx) => {
      if (!mounted) return ctx.skip();
      const vault = join(disk, 'locks');
      const core = new CustodyCore(vault);
      await core.create(PASSPHRASE);
      // Every byte taken while the vault is open, as a long ingest or another program would.
      const filler = join(disk, 'filler');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'pipe' });
      } catch {
        // "No space left on device" is the point.
      }
      await core.close();
      await rm(filler);
      const reader = new CustodyCore(vault, { access: 'read' });
      await reader.unlock(PASSPHRASE);
      const actions = allEntries(reader.vault().db).map((e) => e.action);
      await reader.close();
      expect(actions.slice(0, 3)).toEqual(['vault.created', 'vault.locked', 'vault.unlocked']);
      await rm(vault, { recursive: true });
    },
    60_000,
  );
});
