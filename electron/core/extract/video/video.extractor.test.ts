// Videos written by Debian's ffmpeg, read back by the product's own decoders (FFmpeg in
// WebAssembly, mediabunny): storyboards, facts, damaged files, and vPDQ matching.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import type { ExtractResult } from '../extract-result.ts';
import {
  VIDEO_FIXTURES,
  emptyVideoFixture,
  reencodedFixture,
  truncatedFixture,
  videoFixture,
} from '../../../../tests/helpers/video.ts';
import type { VideoFixture } from '../../../../tests/helpers/video.ts';
import { STORED_VARIANTS, storedPreviews } from '../../../../tests/helpers/media.ts';
import { extractVideo } from './video.extractor.ts';
import type { MediaFacts } from './media-probe.ts';
import { compareVpdq, vpdqFeatures } from './vpdq.ts';

const extract = (path: string): Promise<ExtractResult> =>
  extractVideo({ path, name: path }, DEFAULT_LIMITS);
const mediaOf = (result: ExtractResult): MediaFacts => result.facts.media as MediaFacts;

// Decoding is slow on a shared machine: one extraction per file, shared by its tests.
const results = new Map<string, Promise<ExtractResult>>();
function extracted(name: VideoFixture): Promise<ExtractResult> {
  let result = results.get(name);
  if (!result) {
    result = videoFixture(name).then(extract);
    results.set(name, result);
  }
  return result;
}

describe('video storyboards', () => {
  it.each(['h264Mp4', 'moovAtEnd', 'hevcMov', 'vp9Webm'] as const)(
    '%s: one still per keyframe, in time order, each with PDQ and eight previews',
    async (name) => {
      const result = await extracted(name);
      expect(result.kind).toBe('video');
      expect(result.damaged).toBeNull();
      expect(result.frames).toHaveLength(VIDEO_FIXTURES[name].keyframes);
      const times = result.frames.map((f) => f.timeSeconds ?? -1);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(0);
      for (const frame of result.frames) {
        expect(frame.pdq.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(frame.pdq.quality).toBeGreaterThanOrEqual(50);
        for (const { preview } of storedPreviews(frame.previews)) {
          const meta = await sharp(preview.bytes).metadata();
          expect(meta.mediaType).toBe(preview.mime);
        }
      }
    },
  );

  it('reads codecs, size, frame rate and duration without decoding', async () => {
    expect(mediaOf(await extracted('h264Mp4'))).toMatchObject({
      durationSeconds: 10,
      width: 640,
      height: 360,
      fps: 25,
      videoCodec: 'avc',
      audioCodec: null,
    });
    expect(mediaOf(await extracted('vp9Webm'))).toMatchObject({ videoCodec: 'vp9', width: 640 });
  });

  it('reads the place, device and creation time a phone writes into a QuickTime file', async () => {
    const result = await extracted('hevcMov');
    const media = mediaOf(result);
    expect(media).toMatchObject({
      videoCodec: 'hevc',
      audioCodec: 'aac',
      make: 'Apple',
      model: 'iPhone XR',
      createdAt: '2019-08-21T11:21:36Z',
      gps: { latitude: 38.6995, longitude: -9.2077, altitude: null },
    });
    expect(media.audioTracks).toEqual([
      { codec: 'aac', channels: 1, sampleRate: 44100, language: 'und' },
    ]);
    expect(result.eventAt).toBe('2019-08-21T11:21:36Z');
  });

  it('keeps a truncated MP4 as damaged evidence with the stills that could be read', async () => {
    const result = await extract(await truncatedFixture(0.5));
    expect(result.kind).toBe('video');
    expect(result.damaged).toMatch(/partly unreadable/);
    expect(result.frames.length).toBeGreaterThan(0);
    expect(result.frames.length).toBeLessThan(VIDEO_FIXTURES.h264Mp4.keyframes);
  });

  it('keeps a zero-byte .mp4 as damaged, without starting a decoder', async () => {
    const result = await extract(await emptyVideoFixture());
    expect(result).toMatchObject({ kind: 'video', damaged: 'the file is empty', frames: [] });
  });

  it('calls an audio-only M4A audio, with its duration and codec', async () => {
    const result = await extracted('audioM4a');
    expect(result.kind).toBe('audio');
    expect(result.frames).toEqual([]);
    const media = mediaOf(result);
    expect(media.videoCodec).toBeNull();
    expect(media.audioCodec).toBe('aac');
    expect(media.durationSeconds).toBeCloseTo(5, 1);
  });
});

describe('storyboards of videos with sparse keyframes', () => {
  it('finds the scene changes of a single-keyframe video: stills near every cut', async () => {
    const result = await extracted('scenes');
    expect(result.damaged).toBeNull();
    const times = result.frames.map((f) => f.timeSeconds ?? -1);
    expect(times[0]).toBe(0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const cut of VIDEO_FIXTURES.scenes.cuts) {
      // The first decoded reference frame of the new scene: on the cut or a frame or two after.
      expect(times.some((t) => t >= cut && t <= cut + 0.25)).toBe(true);
    }
    expect(new Set(result.frames.map((f) => f.pdq.hash)).size).toBe(result.frames.length);
    expect(result.facts.sceneScan).toEqual({ seconds: 20, stoppedByCap: false });
    for (const frame of result.frames) {
      expect(frame.pdq.quality).toBeGreaterThanOrEqual(50);
      expect(Object.keys(frame.previews.screen).sort()).toEqual(STORED_VARIANTS.screen);
    }
  });

  it('spreads stills evenly over a single-keyframe video where nothing changes', async () => {
    const result = await extracted('oneKeyframe');
    const times = result.frames.map((f) => f.timeSeconds ?? -1);
    // A still every five seconds of the 30 s: 0, 5, … 25, each within a frame of its time.
    expect(times).toHaveLength(6);
    times.forEach((t, i) => expect(t).toBeCloseTo(i * 5, 0));
  });

  it('leaves a video with keyframes every few seconds to its keyframes (no scene scan)', async () => {
    expect((await extracted('h264Mp4')).facts.sceneScan).toBeUndefined();
  });
});

describe('vPDQ', () => {
  it('matches a re-encoded copy (other size and bitrate) and not an unrelated video', async () => {
    const [original, copy, unrelated] = await Promise.all([
      extracted('original'),
      reencodedFixture().then(extract),
      extracted('unrelated'),
    ]);
    const features = (r: ExtractResult) => vpdqFeatures(r.frames, mediaOf(r).fps);
    expect(features(original)).toHaveLength(VIDEO_FIXTURES.original.keyframes);
    expect(features(original)[1]).toMatchObject({ frame: 25, timestamp: 1 });
    const same = compareVpdq(features(copy), features(original));
    expect(same.queryMatchPercent).toBeGreaterThanOrEqual(80);
    expect(same.matches).toBe(true);
    const other = compareVpdq(features(unrelated), features(original));
    expect(other.matches).toBe(false);
    expect(other.queryMatchPercent).toBeLessThan(20);
  }, 300_000);
});
