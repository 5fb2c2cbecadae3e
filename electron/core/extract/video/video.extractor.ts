// A video file in, its storyboard out: facts from the demuxer, keyframe stills decoded by FFmpeg in
// WebAssembly, each hashed with PDQ and shrunk to the eight veiled previews like any photo. The
// stills with their times and PDQ are the video's vPDQ (ThreatExchange's frame, quality, hash,
// timestamp): see vpdq.ts. A truncated or corrupt video keeps whatever stills could be read.
import { renderPixels } from '../../media/previews.ts';
import type { ExtractedFrame, ExtractResult, Extractor } from '../extract-result.ts';
import { emptyResult } from '../extract-result.ts';
import { extractAudio } from '../audio/audio.extractor.ts';
import { FfmpegInstance } from './ffmpeg-wasm.ts';
import { probeMedia } from './media-probe.ts';
import type { MediaFacts } from './media-probe.ts';
import { sourceBytes } from './source-bytes.ts';
import { decodeStoryboard } from './storyboard.ts';
import type { Still } from './storyboard.ts';
import { VIDEO_DECODE_TIMEOUT_MS } from './video-limits.ts';

export const extractVideo: Extractor = async (source, limits) => {
  const result = emptyResult('video');
  if ((await sourceBytes(source)) === 0) {
    result.damaged = 'the file is empty';
    return result;
  }
  const facts = await probeMedia(source).catch(() => null);
  // An MP4 family file with sound only (an .m4a voice message) is audio, whatever its name says.
  if (facts && facts.videoCodec === null && facts.audioTracks.length > 0) {
    return extractAudio(source, limits);
  }
  const ffmpeg = await FfmpegInstance.open(source);
  let run;
  try {
    run = decodeStoryboard(ffmpeg, facts?.durationSeconds ?? 0, VIDEO_DECODE_TIMEOUT_MS);
  } finally {
    ffmpeg.close();
  }
  if (!facts && run.stills.length === 0) {
    throw new Error(`not a video that could be read (${run.error ?? 'no frames'})`);
  }
  const media = {
    ...(facts ?? unknownFacts()),
    createdAt: facts?.createdAt ?? createdFromLog(run.log),
  };
  result.mime = media.mime;
  // How far a scene scan reached, when sparse keyframes called for one (storyboard.ts).
  result.facts = run.sceneScan ? { media, sceneScan: run.sceneScan } : { media };
  result.eventAt = media.createdAt;
  result.frames = await framesOf(run.stills);
  result.damaged = damage(facts, run.stills.length, run.error);
  return result;
};

async function framesOf(stills: Still[]): Promise<ExtractedFrame[]> {
  const frames: ExtractedFrame[] = [];
  // One still at a time: each is a few megabytes of pixels, and the worker is single-threaded.
  for (const { timeSeconds, pixels } of stills) {
    const { width, height, pdq, previews } = await renderPixels(pixels);
    frames.push({ timeSeconds, page: null, width, height, pdq, previews });
  }
  return frames;
}

function damage(facts: MediaFacts | null, stills: number, error: string | null): string | null {
  if (error !== null) return `video partly unreadable: ${error}`;
  if (facts === null) return 'the container could not be read; frames were recovered by FFmpeg';
  if (stills === 0 && facts.videoCodec !== null) return 'no frame of the video could be decoded';
  return null;
}

function unknownFacts(): MediaFacts {
  return {
    container: 'unknown',
    mime: null,
    durationSeconds: null,
    width: null,
    height: null,
    fps: null,
    rotation: 0,
    videoCodec: null,
    audioCodec: null,
    audioTracks: [],
    createdAt: null,
    make: null,
    model: null,
    gps: null,
  };
}

const CREATION_TIME =
  /^\[info\]\s+creation_time\s*:\s*(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?Z\s*$/;

/** The container's creation time (mvhd, as FFmpeg prints it), which the demuxer does not expose. */
function createdFromLog(log: string[]): string | null {
  for (const line of log) {
    const m = CREATION_TIME.exec(line.trim().replace(/^\[info\]\s*/, '[info] '));
    if (m?.[1] !== undefined && !m[1].startsWith('1904') && !m[1].startsWith('1970'))
      return `${m[1]}Z`;
  }
  return null;
}

export type { ExtractResult };
