// The storyboard: keyframes spread over the whole video, at most STORYBOARD_MAX of them, decoded by
// FFmpeg in WebAssembly. Encoders place keyframes at scene cuts (x264's and x265's scenecut), so
// keyframes are where the picture changes; `select` keeps one per interval so a long video with
// a keyframe every second does not yield hundreds. Only keyframes are decoded (`-skip_frame
// nokey`), except where the decoder ignores that (VP9), when `select` still keeps only keyframes.
import type { FfmpegInstance } from './ffmpeg-wasm.ts';
import { INPUT } from './ffmpeg-wasm.ts';
import { parsePam } from './pam.ts';
import type { DecodedPixels } from '../../media/previews.ts';

/** Most stills in one storyboard: a contact sheet a reviewer takes in at a glance. */
export const STORYBOARD_MAX = 36;
/** Longest side of a decoded still: above PDQ's 512 px and the screen's needs for a storyboard. */
export const STILL_MAX_SIDE = 1280;

const FRAME_PREFIX = 'still-';

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
}

/** The ffmpeg arguments for a storyboard of a video lasting `durationSeconds` (0 if unknown). */
export function storyboardArgs(durationSeconds: number): string[] {
  const interval = durationSeconds > 0 ? durationSeconds / STORYBOARD_MAX : 0;
  // Commas inside a filter's expression are escaped: unescaped, they separate filters.
  const select = `select=eq(key\\,1)*(isnan(prev_selected_t)+gte(t-prev_selected_t\\,${interval.toFixed(3)}))`;
  const side = STILL_MAX_SIDE;
  const scale =
    `scale=w='if(gte(iw\\,ih)\\,min(${side}\\,iw)\\,-2)'` +
    `:h='if(gte(iw\\,ih)\\,-2\\,min(${side}\\,ih))'`;
  return [
    '-skip_frame',
    'nokey',
    '-i',
    INPUT,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    `${select},showinfo,${scale}`,
    '-fps_mode',
    'passthrough',
    '-frames:v',
    String(STORYBOARD_MAX + 1),
    '-c:v',
    'pam',
    '-pix_fmt',
    'rgb24',
    '-f',
    'image2',
    `/${FRAME_PREFIX}%04d.pam`,
  ];
}

const SHOWINFO =
  /\[Parsed_showinfo_\d+ @ [^\]]+\] \[info\] n:\s*\d+ pts:\s*-?\d+ pts_time:(-?[\d.e+-]+)/;
const ERROR_LINE = /^\[(?:[^\]]+ @ [^\]]+\] )?\[(?:error|fatal|panic)\] (.*)$/;

/** Decodes the storyboard stills of the video mounted in `ffmpeg`. */
export function decodeStoryboard(
  ffmpeg: FfmpegInstance,
  durationSeconds: number,
  timeoutMs: number,
): StoryboardRun {
  const { status, log } = ffmpeg.run(storyboardArgs(durationSeconds), timeoutMs);
  const times = log.flatMap((line) => {
    const m = SHOWINFO.exec(line);
    return m ? [Number(m[1])] : [];
  });
  const stills = ffmpeg.outputs(FRAME_PREFIX).flatMap((name, i) => {
    const bytes = ffmpeg.take(name);
    const time = times[i];
    if (time === undefined || !Number.isFinite(time)) return [];
    try {
      return [{ timeSeconds: Math.max(0, time), pixels: parsePam(bytes) }];
    } catch {
      return [];
    }
  });
  const firstError = log.map((line) => ERROR_LINE.exec(line)?.[1]).find(Boolean) ?? null;
  const error = firstError ?? (status !== 0 ? `FFmpeg stopped with status ${status}` : null);
  return { stills: stills.slice(0, STORYBOARD_MAX), error, log };
}
