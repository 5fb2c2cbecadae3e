// The storyboard: at most STORYBOARD_MAX stills spread over the whole video, decoded by FFmpeg in
// WebAssembly, in up to two passes over one instance.
//
// 1. Keyframes. Encoders place keyframes at scene cuts (x264's and x265's scenecut), so keyframes
//    are where the picture changes, and decoding only them (`-skip_frame nokey`) is cheap; `select`
//    keeps one per slot of the duration so a long video with a keyframe a second does not yield
//    hundreds. VP9 ignores `-skip_frame` and decodes every frame; `select` still keeps keyframes.
// 2. A scene scan, only where the keyframes leave a long stretch of the video without a still (a
//    screen recording or a phone encoder with one keyframe a minute): every reference frame is
//    decoded, and frames are kept at scene changes (FFmpeg's `scene` score) and, where nothing
//    changes, at an even spacing. It has whatever time the keyframe pass left under the one cap; a
//    scan stopped by that cap keeps what it found, and the keyframes still cover the rest.
// The two passes' frames are merged and thinned to one per slot, the most telling kept.
import type { FfmpegInstance } from './ffmpeg-wasm.ts';
import { INPUT, runError, showinfoTime } from './ffmpeg-wasm.ts';
import { parsePam } from './pam.ts';
import type { DecodedPixels } from '../../media/previews.ts';

/** Most stills in one storyboard: a contact sheet a reviewer takes in at a glance. */
export const STORYBOARD_MAX = 36;
/** Longest side of a decoded still: above PDQ's 512 px and the screen's needs for a storyboard. */
export const STILL_MAX_SIDE = 1280;
/** FFmpeg's scene score (0–1) above which a frame starts a new scene. */
export const SCENE_THRESHOLD = 0.4;
/** A stretch this long (and two slots long) without a keyframe still calls for the scene scan. */
export const SPARSE_GAP_SECONDS = 10;
/** Where nothing changes, the scan keeps a frame this often (or once a slot, if longer). */
const FILL_SECONDS = 5;
/** Two scene changes closer than this (or half a slot) are one: a flashing picture is not 1,000. */
const CUT_SPACING_SECONDS = 0.5;
/** Left of the cap after the keyframe pass, below which the scene scan is not started. */
const MIN_SCAN_MS = 2_000;

const KEYFRAME_PREFIX = 'still-';
const SCAN_PREFIX = 'scan-';

export interface Still {
  timeSeconds: number;
  pixels: DecodedPixels;
}

export interface StoryboardRun {
  stills: Still[];
  /** FFmpeg's first error line when it stopped early or skipped damaged data, else null. */
  error: string | null;
  /** FFmpeg's description of the input (its metadata dump), for facts the demuxer lacks. */
  log: string[];
  /** Whether the scene scan ran, and how far into the video it got (null: it did not run). */
  sceneScan: { seconds: number; stoppedByCap: boolean } | null;
}

/** A decoded frame with how much it tells: a scene change's score, a keyframe's, or a filler's. */
interface Candidate extends Still {
  weight: number;
}

/** A keyframe is nearly always a cut (encoders put them there): it ranks with a clear change. */
const KEYFRAME_WEIGHT = 0.5;

/** The storyboard's slot: one still per slot at most. 0 when the duration is unknown. */
function slotSeconds(durationSeconds: number): number {
  return durationSeconds > 0 ? durationSeconds / STORYBOARD_MAX : 0;
}

/**
 * The scale filter every decoded frame goes through before it is hashed: the storyboard's stills
 * and the frames a second alike, so one frame gets one PDQ whichever pass hashed it. Commas inside
 * a filter's expression are escaped: unescaped, they separate filters.
 */
export const scaleToStill = (side = STILL_MAX_SIDE) =>
  `scale=w='if(gte(iw\\,ih)\\,min(${side}\\,iw)\\,-2)'` +
  `:h='if(gte(iw\\,ih)\\,-2\\,min(${side}\\,ih))'`;

/** Every frame `select` keeps, as PAM files named `prefix0001.pam`… at the root of the instance. */
function stillOutput(prefix: string, maxFrames: number): string[] {
  return [
    '-fps_mode',
    'passthrough',
    '-frames:v',
    String(maxFrames),
    '-c:v',
    'pam',
    '-pix_fmt',
    'rgb24',
    '-f',
    'image2',
    `/${prefix}%04d.pam`,
  ];
}

const VIDEO_ONLY = ['-map', '0:v:0', '-an', '-sn', '-dn'];

/** The ffmpeg arguments of the keyframe pass for a video lasting `durationSeconds` (0 if unknown). */
export function keyframeArgs(durationSeconds: number): string[] {
  const slot = slotSeconds(durationSeconds).toFixed(3);
  const select = `select=eq(key\\,1)*(isnan(prev_selected_t)+gte(t-prev_selected_t\\,${slot}))`;
  return [
    '-skip_frame',
    'nokey',
    '-i',
    INPUT,
    ...VIDEO_ONLY,
    '-vf',
    `${select},showinfo,${scaleToStill()}`,
    ...stillOutput(KEYFRAME_PREFIX, STORYBOARD_MAX + 1),
  ];
}

/** The spacing rules of the scene scan for a video lasting `durationSeconds` (> 0). */
export function scanSpacing(durationSeconds: number): { fill: number; cut: number } {
  const slot = slotSeconds(durationSeconds);
  const fill = Math.max(slot, FILL_SECONDS);
  return { fill, cut: Math.min(fill / 2, Math.max(slot / 2, CUT_SPACING_SECONDS)) };
}

/**
 * The ffmpeg arguments of the scene scan: the first frame, every scene change at least `cut`
 * seconds after the last kept frame, and a frame every `fill` seconds where nothing changed. Only
 * reference frames are decoded (`-skip_frame noref`): the others change no later picture.
 */
export function sceneScanArgs(durationSeconds: number): string[] {
  const { fill, cut } = scanSpacing(durationSeconds);
  const since = 't-prev_selected_t';
  const select =
    `select='isnan(prev_selected_t)` +
    `+gte(${since}\\,${fill.toFixed(3)})` +
    `+gt(scene\\,${SCENE_THRESHOLD})*gte(${since}\\,${cut.toFixed(3)})'`;
  const most = Math.ceil(durationSeconds / cut) + 2;
  return [
    '-skip_frame',
    'noref',
    '-i',
    INPUT,
    ...VIDEO_ONLY,
    '-vf',
    `${select},metadata=print:key=lavfi.scene_score,${scaleToStill()}`,
    ...stillOutput(SCAN_PREFIX, most),
  ];
}

const METADATA_FRAME =
  /\[Parsed_metadata_\d+ @ [^\]]+\] \[info\] frame:\s*\d+\s+pts:\s*-?\d+\s+pts_time:(-?[\d.e+-]+)/;
const SCENE_SCORE = /\[Parsed_metadata_\d+ @ [^\]]+\] \[info\] lavfi\.scene_score=([\d.]+)/;

/** The stills written under `prefix`, paired in order with the times (and weights) logged. */
function takeStills(
  ffmpeg: FfmpegInstance,
  prefix: string,
  marks: { time: number; weight: number }[],
): Candidate[] {
  return ffmpeg.outputs(prefix).flatMap((name, i) => {
    const bytes = ffmpeg.take(name);
    const mark = marks[i];
    if (mark === undefined || !Number.isFinite(mark.time)) return [];
    try {
      return [
        { timeSeconds: Math.max(0, mark.time), pixels: parsePam(bytes), weight: mark.weight },
      ];
    } catch {
      return [];
    }
  });
}

function keyframePass(ffmpeg: FfmpegInstance, durationSeconds: number, timeoutMs: number) {
  const run = ffmpeg.run(keyframeArgs(durationSeconds), timeoutMs);
  const marks = run.log.flatMap((line) => {
    const time = showinfoTime(line);
    return time === null ? [] : [{ time, weight: KEYFRAME_WEIGHT }];
  });
  const stills = takeStills(ffmpeg, KEYFRAME_PREFIX, marks).slice(0, STORYBOARD_MAX);
  // A keyframe pass cut off by the cap has not read the whole file: that is damage, not a choice.
  const error = runError(run) ?? (run.timedOut ? 'decoding took too long' : null);
  return { run, stills, error };
}

function sceneScan(ffmpeg: FfmpegInstance, durationSeconds: number, timeoutMs: number) {
  const run = ffmpeg.run(sceneScanArgs(durationSeconds), timeoutMs);
  const marks: { time: number; weight: number }[] = [];
  for (const line of run.log) {
    const frame = METADATA_FRAME.exec(line);
    if (frame) marks.push({ time: Number(frame[1]), weight: 0 });
    const score = SCENE_SCORE.exec(line);
    const last = marks.at(-1);
    if (score && last) last.weight = Number(score[1]);
  }
  const stills = takeStills(ffmpeg, SCAN_PREFIX, marks);
  const seconds = run.timedOut ? Math.max(0, ...stills.map((s) => s.timeSeconds)) : durationSeconds;
  return { stills, error: runError(run), scanned: { seconds, stoppedByCap: run.timedOut } };
}

/** The longest stretch of the video without a still, its end included. */
export function longestGap(times: readonly number[], durationSeconds: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let gap = 0;
  let previous = 0;
  for (const t of [...sorted, durationSeconds]) {
    gap = Math.max(gap, t - previous);
    previous = t;
  }
  return gap;
}

/** Whether keyframes at `times` leave the video too bare: some stretch is long and two slots. */
export function needsSceneScan(times: readonly number[], durationSeconds: number): boolean {
  if (!(durationSeconds > 0) || times.length === 0) return false;
  const gap = longestGap(times, durationSeconds);
  return gap > SPARSE_GAP_SECONDS && gap > 2 * slotSeconds(durationSeconds);
}

/**
 * At most STORYBOARD_MAX of the candidates, in time order: the first frame, then in each slot of
 * the duration the most telling one, and of two closer than `minSpacing` the more telling.
 */
export function thinStills<T extends { timeSeconds: number; weight: number }>(
  candidates: readonly T[],
  durationSeconds: number,
  minSpacing: number,
): T[] {
  const slot = Math.max(slotSeconds(durationSeconds), Number.EPSILON);
  const first = Math.min(...candidates.map((c) => c.timeSeconds));
  const rank = (c: T) => (c.timeSeconds === first ? Infinity : c.weight);
  const bySlot = new Map<number, T>();
  for (const c of candidates) {
    const key = Math.min(Math.floor(c.timeSeconds / slot), STORYBOARD_MAX - 1);
    const held = bySlot.get(key);
    if (!held || rank(c) > rank(held)) bySlot.set(key, c);
  }
  const kept: T[] = [];
  for (const c of [...bySlot.values()].sort((a, b) => a.timeSeconds - b.timeSeconds)) {
    const last = kept.at(-1);
    if (last && c.timeSeconds - last.timeSeconds < minSpacing) {
      if (rank(c) > rank(last)) kept[kept.length - 1] = c;
    } else kept.push(c);
  }
  return kept;
}

/** Decodes the storyboard stills of the video mounted in `ffmpeg`, within `timeoutMs` in all. */
export function decodeStoryboard(
  ffmpeg: FfmpegInstance,
  durationSeconds: number,
  timeoutMs: number,
): StoryboardRun {
  const deadline = Date.now() + timeoutMs;
  const keyframes = keyframePass(ffmpeg, durationSeconds, timeoutMs);
  const { log } = keyframes.run;
  const times = keyframes.stills.map((s) => s.timeSeconds);
  const left = deadline - Date.now();
  if (!needsSceneScan(times, durationSeconds) || left < MIN_SCAN_MS) {
    return { stills: keyframes.stills.map(still), error: keyframes.error, log, sceneScan: null };
  }
  const scan = sceneScan(ffmpeg, durationSeconds, left);
  const { cut } = scanSpacing(durationSeconds);
  const stills = thinStills([...keyframes.stills, ...scan.stills], durationSeconds, cut / 2);
  return {
    stills: stills.map(still),
    error: keyframes.error ?? scan.error,
    log,
    sceneScan: scan.scanned,
  };
}

const still = ({ timeSeconds, pixels }: Candidate): Still => ({ timeSeconds, pixels });
