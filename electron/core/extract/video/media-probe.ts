// What a video or audio file says about itself, read by mediabunny's demuxers (MPL-2.0) without
// decoding a sample: container, duration, codecs, size, frame rate, rotation, device and place.
// Read from a path it fetches only the byte ranges it needs, so a large file costs little.
import {
  ALL_FORMATS,
  BufferSource,
  FilePathSource,
  Input,
  type InputAudioTrack,
  type InputVideoTrack,
  type MetadataTags,
} from 'mediabunny';
import type { GpsPosition } from '../../media/metadata.ts';
import { toDisplayText } from '../../media/display-text.ts';
import type { ExtractSource } from '../extract-result.ts';
import { parseIso6709 } from './iso6709.ts';

export interface AudioTrackFacts {
  codec: string | null;
  channels: number;
  sampleRate: number;
  /** ISO 639-2 code, 'und' when the file does not say. */
  language: string;
}

/** The facts `item show --json` reports as `media` (with `container`, `rotation` and tracks). */
export interface MediaFacts {
  container: string;
  mime: string | null;
  durationSeconds: number | null;
  /** Display size: pixel aspect and rotation applied. */
  width: number | null;
  height: number | null;
  fps: number | null;
  /** Clockwise degrees the player turns the frames (0, 90, 180, 270). */
  rotation: number;
  videoCodec: string | null;
  audioCodec: string | null;
  audioTracks: AudioTrackFacts[];
  /** When the device says it recorded it, ISO-8601, or null. */
  createdAt: string | null;
  make: string | null;
  model: string | null;
  gps: GpsPosition | null;
}

const SHORT = 128;
/** Packets sampled for the frame rate: enough for a stable average, fast on any file. */
const FPS_SAMPLE_PACKETS = 120;

/** Reads a media file's facts; null when no demuxer recognises it. */
export async function probeMedia(source: ExtractSource): Promise<MediaFacts | null> {
  const input = new Input({
    source: 'path' in source ? new FilePathSource(source.path) : new BufferSource(source.bytes),
    formats: ALL_FORMATS,
  });
  try {
    if (!(await input.canRead())) return null;
    const format = await input.getFormat();
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getAudioTracks();
    const tags = await input.getMetadataTags();
    const duration = await input.computeDuration().catch(() => null);
    return {
      container: format.name,
      mime: await input.getMimeType().catch(() => null),
      durationSeconds: duration !== null && Number.isFinite(duration) ? duration : null,
      width: video?.displayWidth ?? null,
      height: video?.displayHeight ?? null,
      fps: video ? await frameRate(video) : null,
      rotation: video?.rotation ?? 0,
      videoCodec: video?.codec ?? null,
      audioCodec: audio[0]?.codec ?? null,
      audioTracks: audio.map(audioFacts),
      ...deviceFacts(tags),
    };
  } finally {
    input.dispose();
  }
}

async function frameRate(track: InputVideoTrack): Promise<number | null> {
  const stats = await track.computePacketStats(FPS_SAMPLE_PACKETS).catch(() => null);
  const rate = stats?.averagePacketRate;
  return rate !== undefined && Number.isFinite(rate) && rate > 0
    ? Math.round(rate * 1000) / 1000
    : null;
}

function audioFacts(track: InputAudioTrack): AudioTrackFacts {
  return {
    codec: track.codec,
    channels: track.numberOfChannels,
    sampleRate: track.sampleRate,
    language: toDisplayText(track.languageCode, 8) ?? 'und',
  };
}

type Raw = NonNullable<MetadataTags['raw']>;

/** The first raw tag of `names` that holds text. */
function rawText(raw: Raw, ...names: string[]): string | null {
  for (const name of names) {
    const value = raw[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string') return toDisplayText(text, SHORT);
  }
  return null;
}

/** Device, place and time from QuickTime user data (©mak, ©xyz) or Apple's metadata keys. */
function deviceFacts(tags: MetadataTags): Pick<MediaFacts, 'createdAt' | 'make' | 'model' | 'gps'> {
  const raw = tags.raw ?? {};
  const place = rawText(raw, 'com.apple.quicktime.location.ISO6709', '©xyz', 'location');
  const created = rawText(raw, 'com.apple.quicktime.creationdate');
  const date = tags.date && !Number.isNaN(tags.date.getTime()) ? tags.date.toISOString() : null;
  return {
    createdAt: created ?? date,
    make: rawText(raw, 'com.apple.quicktime.make', '©mak'),
    model: rawText(raw, 'com.apple.quicktime.model', '©mod'),
    gps: place === null ? null : parseIso6709(place),
  };
}
