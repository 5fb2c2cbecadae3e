// Video storyboards: FFmpeg in WebAssembly against Debian's native ffmpeg in the same run.
// - storyboard: a 60 s 1080p H.264 clip (a keyframe every 2 s, so 30), the product's whole
//   extractor (demux facts, keyframes decoded in wasm, PDQ and eight previews per still), against
//   native ffmpeg decoding the same keyframes to the same frame files. Reported per minute of video.
// - sparse: the same clip with a single keyframe, as screen recorders write: the keyframe pass and
//   the scene scan (every reference frame decoded), against native ffmpeg running both passes.
// - peak memory: the extractor's process on a video of about 2 GB (made here, never committed),
//   read in ranges from disk.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractVideo } from '../electron/core/extract/video/video.extractor.ts';
import { DEFAULT_LIMITS } from '../electron/core/extract/extract-result.ts';
import { keyframeArgs, sceneScanArgs } from '../electron/core/extract/video/storyboard.ts';
import { INPUT } from '../electron/core/extract/video/ffmpeg-wasm.ts';
import { round, timed } from './measure.ts';

const run = promisify(execFile);
const CLIP_SECONDS = 60;
const BIG_BYTES = 2 * 1024 ** 3;

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-y', ...args], { maxBuffer: 1 << 24 });
}

/** Native ffmpeg on a command line the product runs in wasm, its files written to `outDir`. */
async function native(args: string[], input: string, outDir: string): Promise<void> {
  await ffmpeg(args.map((a) => (a === INPUT ? input : a.endsWith('.pam') ? join(outDir, a) : a)));
}

/** 60 s of 1080p test pattern: `gop` frames between keyframes (no scene-cut keyframes). */
async function makeClip(path: string, gop: number): Promise<void> {
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
    String(gop),
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    path,
  ]);
}

const perMinute = (ms: number) => round(ms / 1000 / (CLIP_SECONDS / 60), 2);

/** The product's extractor and native ffmpeg's same passes on one clip, per minute of video. */
async function storyboardOf(clip: string, dir: string, passes: string[][]) {
  let stills = 0;
  let sceneScan: unknown = null;
  const wasmMs = await timed(async () => {
    const result = await extractVideo({ path: clip, name: 'clip.mp4' }, DEFAULT_LIMITS);
    stills = result.frames.length;
    sceneScan = result.facts.sceneScan ?? null;
  });
  const nativeMs = await timed(async () => {
    for (const args of passes) await native(args, clip, dir);
  });
  return {
    stills,
    sceneScan,
    storyboardSecondsPerMinute: perMinute(wasmMs),
    nativeSecondsPerMinute: perMinute(nativeMs),
    ratioToNative: round(wasmMs / nativeMs, 2),
  };
}

async function bigVideoPeak(dir: string): Promise<Record<string, unknown>> {
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
  return { gib: round(bigBytes / 1024 ** 3, 2), ...(JSON.parse(child.stdout) as object) };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-video-bench-'));
  try {
    const clip = join(dir, 'clip.mp4');
    await makeClip(clip, 60);
    const keyframes = await storyboardOf(clip, dir, [keyframeArgs(CLIP_SECONDS)]);
    const sparseClip = join(dir, 'sparse.mp4');
    await makeClip(sparseClip, 100_000);
    const sparse = await storyboardOf(sparseClip, dir, [
      keyframeArgs(CLIP_SECONDS),
      sceneScanArgs(CLIP_SECONDS),
    ]);
    return {
      clip: { seconds: CLIP_SECONDS, size: '1920x1080', stills: keyframes.stills },
      storyboardSecondsPerMinute: keyframes.storyboardSecondsPerMinute,
      nativeKeyframesSecondsPerMinute: keyframes.nativeSecondsPerMinute,
      ratioToNative: keyframes.ratioToNative,
      sparseKeyframes: sparse,
      bigVideo: await bigVideoPeak(dir),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
