// The watchdog's budget per job, on the real pool driving workers that take work and never answer
// (a decoder stuck on hostile input): an image gives up at the pool's 30 s, a video extract job only
// after FFmpeg's own 120 s cap and time for its stills, so a long storyboard is never cut short.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecodePool, DEFAULT_DECODE_TIMEOUT_MS, type DecodeWorkerProcess } from './decode-pool.ts';
import { DEFAULT_LIMITS } from '../extract/extract-result.ts';
import { VIDEO_DECODE_TIMEOUT_MS, VIDEO_JOB_TIMEOUT_MS } from '../extract/video/video-limits.ts';

/** A worker that says it is ready, takes every job and never answers; kill() ends it. */
function stuckWorker(): DecodeWorkerProcess {
  let onMessage: (m: unknown) => void = () => {};
  let onExit: (detail: string) => void = () => {};
  queueMicrotask(() => onMessage({ type: 'ready' }));
  return {
    send: () => {},
    onMessage: (listener) => (onMessage = listener),
    onExit: (listener) => (onExit = listener),
    kill: () => queueMicrotask(() => onExit('SIGKILL')),
  };
}

afterEach(() => vi.useRealTimers());

describe('the decode watchdog per job', () => {
  it('gives a video extract job FFmpeg’s cap and more, an image only the pool’s 30 s', async () => {
    vi.useFakeTimers();
    const pool = new DecodePool(stuckWorker, { size: 2 });
    await pool.start();
    const outcome = (p: Promise<unknown>) => {
      const seen: { error: Error | null } = { error: null };
      p.catch((e: Error) => (seen.error = e));
      return seen;
    };
    const image = outcome(pool.decode({ bytes: new Uint8Array(4) }, { displayName: 'a.jpg' }));
    const video = outcome(
      pool.extract(
        'video',
        { bytes: new Uint8Array(4) },
        { displayName: 'clip.mp4', limits: DEFAULT_LIMITS },
      ),
    );
    await vi.advanceTimersByTimeAsync(DEFAULT_DECODE_TIMEOUT_MS);
    expect(image.error?.message).toBe('Could not decode "a.jpg": timed out after 30s');
    expect(video.error).toBeNull();
    await vi.advanceTimersByTimeAsync(VIDEO_DECODE_TIMEOUT_MS);
    expect(video.error).toBeNull();
    await vi.advanceTimersByTimeAsync(
      VIDEO_JOB_TIMEOUT_MS - VIDEO_DECODE_TIMEOUT_MS - DEFAULT_DECODE_TIMEOUT_MS,
    );
    expect(video.error?.message).toBe(
      `Could not read "clip.mp4": timed out after ${VIDEO_JOB_TIMEOUT_MS / 1000}s`,
    );
    await pool.close();
  });
});
