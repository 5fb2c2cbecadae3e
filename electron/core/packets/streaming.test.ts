// Originals stream from the blob store into the packet and out of it when verified: a large
// packet never sits in memory. A 256 MiB original must not raise the peak RSS by its size.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { randomFillSync } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustodyCore } from '../core.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { buildPacket } from './build.ts';
import { verifyPacket } from './verify.ts';

const SIZE = 256 * 1024 * 1024;
let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let caseId: string;

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore());
  const big = join(dir, 'capture.bin');
  const fh = await open(big, 'w');
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  for (let done = 0; done < SIZE; done += chunk.length) await fh.write(randomFillSync(chunk));
  await fh.close();
  caseId = createCase(core.vault(), { title: 'big', kind: 'other' }).id;
  const [r] = await startIngest(core.vault(), core.decoder(), caseId, [big], () => {}).finished;
  expect(r?.status).toBe('ingested');
});
afterAll(() => cleanup());

async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - base;
}

describe('a large original', () => {
  it('streams through build and verify without being held in memory', async () => {
    const out = join(dir, 'big.zip');
    const renderPdf = () => Promise.resolve(Buffer.from('%PDF-1.4\n%%EOF\n'));
    const built = await peakRssGrowth(() => buildPacket(core.vault(), { caseId, out, renderPdf }));
    let valid = false;
    const checked = await peakRssGrowth(async () => {
      valid = (await verifyPacket(out)).valid;
    });
    expect(valid).toBe(true);
    expect(built).toBeLessThan(SIZE / 2);
    expect(checked).toBeLessThan(SIZE / 2);
  });
});
