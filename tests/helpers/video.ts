// Video and audio fixtures made on the spot by Debian's native ffmpeg (installed by .ci/run): the
// product never runs it, the tests use it only to write known files. Each is small, deterministic
// in its keyframe layout (fixed GOP, no scene-cut keyframes), and cached per test process.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const dir = join(tmpdir(), `custody-media-fixtures-${process.pid}`);

/** A moving test pattern (ffmpeg's testsrc2) and an unrelated one (a Mandelbrot zoom). */
const PATTERN = (size: string, seconds: number, rate = 25) =>
  `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`;
const UNRELATED = (size: string, seconds: number) =>
  `mandelbrot=size=${size}:rate=25,trim=duration=${seconds}`;
const TONE = (seconds: number) => `sine=frequency=440:duration=${seconds}`;

const X264 = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-pix_fmt',
  'yuv420p',
  '-sc_threshold',
  '0',
];

/** Five visually distinct scenes of `seconds` each, cut one after another into one stream. */
const SCENES = (size: string, seconds: number) => {
  const sources = [
    `testsrc2=size=${size}:rate=25:duration=${seconds}`,
    `mandelbrot=size=${size}:rate=25,trim=duration=${seconds}`,
    `smptehdbars=size=${size}:rate=25:duration=${seconds}`,
    `life=size=${size}:rate=25:mold=10:ratio=0.5:death_color=#C83232:life_color=#00ff00,trim=duration=${seconds}`,
    `cellauto=size=${size}:rate=25:rule=110,trim=duration=${seconds}`,
  ];
  return [
    ...sources.flatMap((source) => ['-f', 'lavfi', '-i', source]),
    '-filter_complex',
    `${sources.map((_, i) => `[${i}]`).join('')}concat=n=${sources.length}:v=1:a=0,format=yuv420p`,
  ];
};

/** One keyframe for the whole stream, as screen recorders and many phone encoders write. */
const ONE_KEYFRAME = ['-g', '100000'];

/** Each fixture: its file name, keyframe count and the ffmpeg arguments that write it. */
export const VIDEO_FIXTURES = {
  /** 10 s H.264 MP4, moov first, a keyframe every 2 s: 5 keyframes. */
  h264Mp4: {
    file: 'h264.mp4',
    keyframes: 5,
    args: [
      '-f',
      'lavfi',
      '-i',
      PATTERN('640x360', 10),
      ...X264,
      '-g',
      '50',
      '-movflags',
      '+faststart',
    ],
  },
  /** The same, as ffmpeg writes by default: moov after the media data. */
  moovAtEnd: {
    file: 'moov-at-end.mp4',
    keyframes: 5,
    args: ['-f', 'lavfi', '-i', PATTERN('640x360', 10), ...X264, '-g', '50'],
  },
  /** 6 s HEVC in QuickTime with sound, a ©xyz location, make, model and a creation time. */
  hevcMov: {
    file: 'hevc.mov',
    keyframes: 6,
    args: [
      '-f',
      'lavfi',
      '-i',
      PATTERN('640x360', 6, 30),
      '-f',
      'lavfi',
      '-i',
      TONE(6),
      '-c:v',
      'libx265',
      '-x265-params',
      'log-level=error:keyint=30:min-keyint=30:scenecut=0',
      '-tag:v',
      'hvc1',
      '-c:a',
      'aac',
      '-shortest',
      '-metadata',
      'location=+38.6995-009.2077/',
      '-metadata',
      'make=Apple',
      '-metadata',
      'model=iPhone XR',
      '-metadata',
      'creation_time=2019-08-21T11:21:36Z',
    ],
  },
  /** 4 s VP9 WebM, a keyframe every second: 4 keyframes (libvpx decodes every frame anyway). */
  vp9Webm: {
    file: 'vp9.webm',
    keyframes: 4,
    args: [
      '-f',
      'lavfi',
      '-i',
      PATTERN('640x360', 4),
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-g',
      '25',
      '-b:v',
      '500k',
    ],
  },
  /** 5 s of voice-like tone as AAC in M4A, no video at all. */
  audioM4a: {
    file: 'voice.m4a',
    keyframes: 0,
    args: ['-f', 'lavfi', '-i', TONE(5), '-c:a', 'aac', '-b:a', '64k'],
  },
  /** 12 s of the pattern, a keyframe every second, for vPDQ comparisons. */
  original: {
    file: 'original.mp4',
    keyframes: 12,
    args: ['-f', 'lavfi', '-i', PATTERN('640x360', 12), ...X264, '-g', '25', '-b:v', '2M'],
  },
  /** 20 s of five scenes cut at 4, 8, 12 and 16 s, with a single keyframe at the start. */
  scenes: {
    file: 'scenes.mp4',
    keyframes: 1,
    cuts: [4, 8, 12, 16],
    args: [...SCENES('640x360', 4), ...X264, ...ONE_KEYFRAME],
  },
  /** 30 s of the moving pattern, one scene, a single keyframe at the start. */
  oneKeyframe: {
    file: 'one-keyframe.mp4',
    keyframes: 1,
    args: ['-f', 'lavfi', '-i', PATTERN('320x180', 30), ...X264, ...ONE_KEYFRAME],
  },
  /** Unrelated content of the same length and layout. */
  unrelated: {
    file: 'unrelated.mp4',
    keyframes: 12,
    args: ['-f', 'lavfi', '-i', UNRELATED('640x360', 12), ...X264, '-g', '25', '-b:v', '2M'],
  },
} as const;

export type VideoFixture = keyof typeof VIDEO_FIXTURES;

const made = new Map<string, Promise<string>>();

async function ffmpeg(args: string[], out: string): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-y', ...args, out], { maxBuffer: 1 << 20 });
}

function once(name: string, make: (path: string) => Promise<void>): Promise<string> {
  let path = made.get(name);
  if (!path) {
    const target = join(dir, name);
    path = mkdir(dir, { recursive: true })
      .then(() => make(target))
      .then(() => target);
    made.set(name, path);
  }
  return path;
}

/** The path of a fixture video, written on first use. */
export function videoFixture(name: VideoFixture): Promise<string> {
  const { file, args } = VIDEO_FIXTURES[name];
  return once(file, (out) => ffmpeg([...args], out));
}

/** `original.mp4` re-encoded at another size and bitrate, as a re-upload would be. */
export function reencodedFixture(): Promise<string> {
  return once('reencoded.mp4', async (out) => {
    const source = await videoFixture('original');
    await ffmpeg(['-i', source, '-vf', 'scale=320:180', ...X264, '-g', '25', '-b:v', '150k'], out);
  });
}

/** The H.264 MP4 (moov first) cut to `fraction` of its bytes: a download that stopped. */
export function truncatedFixture(fraction = 0.5): Promise<string> {
  return once(`truncated-${fraction}.mp4`, async (out) => {
    await copyFile(await videoFixture('h264Mp4'), out);
    const size = (await readFile(out)).length;
    await truncate(out, Math.floor(size * fraction));
  });
}

/** A zero-byte file named .mp4. */
export function emptyVideoFixture(): Promise<string> {
  return once('empty.mp4', (out) => writeFile(out, new Uint8Array(0)));
}
