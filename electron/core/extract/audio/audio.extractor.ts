// An audio file (a voice message, a recording: MP3, M4A, OGG, WAV) in, its facts out: duration,
// codec, channels and tags from the demuxer, nothing decoded. Listening is a deliberate, logged
// step behind the reveal, never part of ingest.
import type { Extractor } from '../extract-result.ts';
import { emptyResult } from '../extract-result.ts';
import { probeMedia } from '../video/media-probe.ts';
import { sourceBytes } from '../video/source-bytes.ts';

export const extractAudio: Extractor = async (source) => {
  const result = emptyResult('audio');
  if ((await sourceBytes(source)) === 0) {
    result.damaged = 'the file is empty';
    return result;
  }
  const media = await probeMedia(source).catch((error: unknown) => {
    throw new Error(
      `not audio that could be read (${error instanceof Error ? error.message : 'unknown'})`,
    );
  });
  if (media === null) throw new Error('not audio that could be read');
  result.mime = media.mime;
  result.facts = { media };
  result.eventAt = media.createdAt;
  if (media.audioTracks.length === 0) result.damaged = 'no audio track could be read';
  return result;
};
