// One frame a second of a video, PDQ-hashed, as Meta's vPDQ hashes a video (one frame per
// `seconds per hash` × fps): run in the background in the decode process, on the video's sealed
// blob read in ranges with its own key. Every frame is decoded but those no later picture refers
// to (`-skip_frame noref`), so the hashed frame is the first reference frame of each second. It is
// scaled as the storyboard's stills are, so a frame both passes took has one PDQ. Frames go out
// through a sink a batch at a time as they are hashed: an hour of video holds one
// frame in memory, and a pass stopped at any moment keeps what it sent. It resumes from a given
// second (`-ss` with the video's own timestamps kept).
import { pdqFromPixels } from '../../media/pdq/index.ts';
import type { FfmpegSource } from './ffmpeg-wasm.ts';
import { FfmpegInstance, INPUT, runError, showinfoTime } from './ffmpeg-wasm.ts';
import { PamSplitter } from './pam.ts';
import { scaleToStill } from './storyboard.ts';

/** One hashed frame: the whole second it opens, its time, PDQ (64 hex digits) and quality. */
export interface SecondFrame {
  second: number;
  timeSeconds: number;
  pdq: string;
  quality: number;
}

export interface SecondFramesOutcome {
  /** Seconds of the video read: the next pass starts here. */
  untilSecond: number;
  /** FFmpeg read the stream to its end. */
  complete: boolean;
  /** Why FFmpeg stopped early (not the time cap), or null. */
  error: string | null;
}

/** Frames sent to the host together; a pass killed between batches loses at most these. */
const BATCH_FRAMES = 10;
const SINK = '/seconds.pam';

/** The ffmpeg arguments of a pass from `fromSecond` (0: the start). */
export function secondFramesArgs(fromSecond: number): string[] {
  return [
    '-skip_frame',
    'noref',
    ...(fromSecond > 0 ? ['-ss', String(fromSecond), '-copyts'] : []),
    '-i',
    INPUT,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    `select='isnan(prev_selected_t)+gt(floor(t)\\,floor(prev_selected_t))',showinfo,${scaleToStill()}`,
    '-fps_mode',
    'passthrough',
    '-c:v',
    'pam',
    '-pix_fmt',
    'rgb24',
    '-f',
    'image2pipe',
    SINK,
  ];
}

/**
 * Hashes one frame a second from `fromSecond` on, handing each batch to `send` as it is made.
 * Stops at the stream's end, at FFmpeg's own cap `timeoutMs`, or at the first frame whose second
 * does not move forward (a stream whose timestamps run backwards is not followed round).
 */
export async function hashSeconds(
  source: FfmpegSource,
  fromSecond: number,
  timeoutMs: number,
  send: (frames: SecondFrame[]) => void,
): Promise<SecondFramesOutcome> {
  const ffmpeg = await FfmpegInstance.open(source);
  const times: number[] = [];
  let batch: SecondFrame[] = [];
  let next = fromSecond;
  let hashed = 0;
  const splitter = new PamSplitter(({ data, width, height, channels }) => {
    const time = times[hashed++];
    if (time === undefined || !Number.isFinite(time)) return;
    const second = Math.floor(Math.max(0, time));
    if (second < next) return;
    const { hash, quality } = pdqFromPixels(data, width, height, channels);
    batch.push({ second, timeSeconds: Math.max(0, time), pdq: hash, quality });
    next = second + 1;
    if (batch.length >= BATCH_FRAMES) {
      send(batch);
      batch = [];
    }
  });
  try {
    ffmpeg.sink(SINK, (bytes) => splitter.push(bytes));
    const run = ffmpeg.run(secondFramesArgs(fromSecond), timeoutMs, (line) => {
      const time = showinfoTime(line);
      if (time !== null) times.push(time);
    });
    if (batch.length > 0) send(batch);
    return { untilSecond: next, complete: run.status === 0, error: runError(run) };
  } finally {
    ffmpeg.close();
  }
}
