// Video storyboards: FFmpeg in WebAssembly against Debian's native ffmpeg in the same run.
// - storyboard: a 60 s 1080p H.264 clip (a keyframe every 2 s, so 30), the product's whole
//   extractor (demux facts, keyframes decoded in wasm, PDQ and eight previews per still), against
//   native ffmpeg decoding the same keyframes to the same frame files. Reported per minute of video.
// - peak memory: the extractor's process on a video of about 2 GB (made here, never committed),
//   read in ranges from disk.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractVideo } from '../electron/core/extract/video/video.extractor.ts';
import { DEFAULT_LIMITS } from '../electron/core/extract/extract-result.ts';
import { storyboardArgs } from '../electron/core/extract/video/storyboard.ts';
import { round, timed } from './measure.ts';

const run = promisify(execFile);
const CLIP_SECONDS = 60;
const BIG_BYTES = 2 * 1024 ** 3;

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-y', ...args], { maxBuffer: 1 << 24 });
}

/** Native ffmpeg on the same storyboard command line the product runs in wasm. */
async function nativeStoryboard(input: string, outDir: string): Promise<void> {
  const args = storyboardArgs(CLIP_SECONDS).map((a) =>
    a === '/input' ? input : a.startsWith('/still-') ? join(outDir, a.slice(1)) : a,
  );
  await ffmpeg(args);
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-video-bench-'));
  try {
    const clip = join(dir, 'clip.mp4');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=1920x1080:rate=30:duration=${CLIP_SECONDS}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-g',
      '60',
      '-sc_threshold',
      '0',
      '-pix_fmt',
      'yuv420p',
      clip,
    ]);
    let frames = 0;
    const wasmMs = await timed(async () => {
      frames = (await extractVideo({ path: clip, name: 'clip.mp4' }, DEFAULT_LIMITS)).frames.length;
    });
    const nativeMs = await timed(() => nativeStoryboard(clip, dir));
    // About 2 GB of 1080p at a high bitrate: the size a phone's long recording reaches.
    const big = join(dir, 'big.mp4');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=1920x1080:rate=30',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      '60',
      '-b:v',
      '120M',
      '-maxrate',
      '120M',
      '-bufsize',
      '120M',
      '-pix_fmt',
      'yuv420p',
      '-fs',
      String(BIG_BYTES),
      big,
    ]);
    const bigBytes = (await stat(big)).size;
    const child = await run(
      process.execPath,
      [join(import.meta.dirname, 'video-peak-child.ts'), big],
      {
        maxBuffer: 1 << 20,
      },
    );
    const peak = JSON.parse(child.stdout) as Record<string, unknown>;
    const perMinute = (ms: number) => round(ms / 1000 / (CLIP_SECONDS / 60), 2);
    return {
      clip: { seconds: CLIP_SECONDS, size: '1920x1080', stills: frames },
      storyboardSecondsPerMinute: perMinute(wasmMs),
      nativeKeyframesSecondsPerMinute: perMinute(nativeMs),
      ratioToNative: round(wasmMs / nativeMs, 2),
      bigVideo: { gib: round(bigBytes / 1024 ** 3, 2), ...peak },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
