// A video too large to hold in memory is still read: the decode process gets its path and reads
// it in ranges, so a 2 GB recording gets its storyboard instead of staying unread. The in-memory
// cap is lowered for the test (the same code path as a file over 256 MiB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import { createCase } from '../cases/case.service.ts';
import { getItem } from '../items/item.service.ts';
import type { CustodyCore } from '../core.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import { startIngest } from './ingest.service.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { VIDEO_FIXTURES, videoFixture } from '../../../tests/helpers/video.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let path: string;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  path = await videoFixture('h264Mp4');
}, 300_000);
afterAll(() => cleanup());

async function ingestWithCap(inMemoryMax: number): Promise<IngestFileResult> {
  const c = createCase(core.vault(), { title: `cap ${inMemoryMax}`, kind: 'other' });
  const run = startIngest(core.vault(), core.decoder(), c.id, [path], () => {}, { inMemoryMax });
  const [result] = await run.finished;
  if (!result?.item) throw new Error(`${path}: ${result?.status} ${result?.reason}`);
  return result;
}

describe('a video over the in-memory cap', () => {
  it('is read from its path: metadata and every keyframe, not kept unread', async () => {
    const size = (await stat(path)).size;
    const { item } = await ingestWithCap(Math.floor(size / 2));
    expect({ kind: item!.kind, damaged: item!.damaged }).toEqual({ kind: 'video', damaged: null });
    const full = getItem(core.vault(), item!.id);
    expect(full.media?.durationSeconds).toBeCloseTo(10, 0);
    expect(full.frames ?? []).toHaveLength(VIDEO_FIXTURES.h264Mp4.keyframes);
    expect((full.frames ?? []).every((f) => /^[0-9a-f]{64}$/.test(f.pdq ?? ''))).toBe(true);
  }, 300_000);
});
