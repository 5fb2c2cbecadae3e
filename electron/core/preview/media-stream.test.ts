// Playback behind the reveal, attacked through the real preview handler on a real video and a real
// voice message, ingested by the real decode process into real encrypted blobs: refused before the
// deliberate step and after every veiling; HTTP Range answered byte-exact from the blob; nothing
// decrypted left on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createPreviewHandler } from './preview-handler.ts';
import { MAX_RANGE_BYTES, parseRange } from './media-stream.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { writeSettings } from '../settings/settings.service.ts';
import type { CustodyCore } from '../core.ts';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';
import { videoFixture } from '../../../tests/helpers/video.ts';

let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let video: string;
let voice: string;
let videoBytes: Buffer;
let voiceBytes: Buffer;

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore());
  const c = createCase(core.vault(), { title: 'Playback', kind: 'other' });
  const paths = [await videoFixture('h264Mp4'), await videoFixture('audioM4a')];
  videoBytes = await readFile(paths[0] ?? '');
  voiceBytes = await readFile(paths[1] ?? '');
  const results = await startIngest(core.vault(), core.decoder(), c.id, paths, () => {}).finished;
  video = results[0]?.item?.id ?? '';
  voice = results[1]?.item?.id ?? '';
  expect(results.map((r) => r.item?.kind)).toEqual(['video', 'audio']);
  // Long enough that no session here ends by its pause timeout while a test runs.
  writeSettings(core.vault(), { reasonPrompt: true, revealSeconds: 120 });
}, 300_000);
afterAll(() => cleanup());

const get = (itemId: string, range?: string) =>
  createPreviewHandler(core)(
    new Request(`custody://preview/${itemId}/stream`, range ? { headers: { Range: range } } : {}),
  );
/** Whether the answer carries exactly these bytes (Buffer.equals: a deep equal of 800 kB crawls). */
const carries = async (res: Response, bytes: Buffer) =>
  Buffer.from(await res.arrayBuffer()).equals(bytes);

describe('parseRange', () => {
  it('reads one bytes= range, clipped to the size and the cap', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=0-', 100, 16)).toEqual({ start: 0, end: 15 });
  });

  it('refuses what it cannot satisfy', () => {
    for (const bad of [
      'bytes=100-',
      'bytes=100-200',
      'bytes=9-3',
      'bytes=-0',
      'bytes=-',
      'bytes=0-1,5-6',
      'items=0-1',
      'bytes=a-b',
    ])
      expect(parseRange(bad, 100), bad).toBe('bad');
    expect(parseRange('bytes=0-', 0)).toBe('bad');
  });
});

describe('the media stream behind the play step', () => {
  it('is refused before the step, and the step itself needs a reason and a playable item', async () => {
    expect((await get(video)).status).toBe(403);
    expect((await get(video, 'bytes=0-99')).status).toBe(403);
    expect(() => core.playback.start(video)).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    // A still unveiled is not playback: the stream stays shut.
    core.reveal.set(video, 'outline', 'check the first still', undefined, 0);
    expect((await get(video, 'bytes=0-99')).status).toBe(403);
    core.reveal.veilAll();
  });

  it('answers Range from the encrypted blob, byte for byte, after the step', async () => {
    core.playback.start(video, 'to see what happens after the first still');
    const size = videoBytes.length;
    const first = await get(video, 'bytes=0-99');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(first.headers.get('accept-ranges')).toBe('bytes');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-type')).toMatch(/^video\/mp4/);
    expect(await carries(first, videoBytes.subarray(0, 100))).toBe(true);
    // Across chunk boundaries (64 KiB chunks) and at the very end.
    const middle = await get(video, 'bytes=65000-200000');
    expect(middle.headers.get('content-range')).toBe(`bytes 65000-200000/${size}`);
    expect(await carries(middle, videoBytes.subarray(65000, 200001))).toBe(true);
    const tail = await get(video, 'bytes=-17');
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 17}-${size - 1}/${size}`);
    expect(await carries(tail, videoBytes.subarray(size - 17))).toBe(true);
    const open = await get(video, 'bytes=0-');
    const end = Math.min(size, MAX_RANGE_BYTES) - 1;
    expect(open.headers.get('content-range')).toBe(`bytes 0-${end}/${size}`);
    expect(await carries(open, videoBytes.subarray(0, end + 1))).toBe(true);
    const whole = await get(video);
    expect(whole.status).toBe(200);
    expect(await carries(whole, videoBytes)).toBe(true);
  });

  it('answers 416 with the size for a range it cannot satisfy', async () => {
    const size = videoBytes.length;
    for (const bad of [`bytes=${size}-`, 'bytes=10-5', 'bytes=0-1,4-5']) {
      const res = await get(video, bad);
      expect(res.status, bad).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
    }
  });

  it('serves only the item playing, and leaves no decrypted byte on disk', async () => {
    expect((await get(voice, 'bytes=0-99')).status).toBe(403);
    const sample = videoBytes.subarray(4096, 4096 + 64);
    for (const file of await filesUnder(dir))
      expect((await readFile(file)).indexOf(sample), file).toBe(-1);
  });

  it('is refused again after every veiling: stop, veil-all, a still unveiled, lock', async () => {
    core.playback.stop();
    expect((await get(video, 'bytes=0-99')).status).toBe(403);
    core.playback.start(video, 'again');
    core.reveal.veilAll();
    expect((await get(video, 'bytes=0-99')).status).toBe(403);
    core.playback.start(video, 'again');
    core.reveal.set(video, 'outline', 'the still instead', undefined, 1);
    expect((await get(video, 'bytes=0-99')).status).toBe(403);
    core.reveal.veilAll();
    core.playback.start(voice, 'listen to the voice message');
    const heard = await get(voice, 'bytes=0-9');
    expect(heard.status).toBe(206);
    expect(heard.headers.get('content-type')).toMatch(/^audio\//);
    expect(await carries(heard, voiceBytes.subarray(0, 10))).toBe(true);
    core.lock();
    expect((await get(voice, 'bytes=0-9')).status).toBe(403);
    await core.unlock(PASSPHRASE);
    expect((await get(voice, 'bytes=0-9')).status).toBe(403);
  });
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
