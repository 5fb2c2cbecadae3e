// vPDQ, Meta's video similarity on PDQ (ThreatExchange vpdq/): a video's hash is its hashed frames,
// each (frame number, quality, PDQ, timestamp). Two videos are compared as bags of unique frame
// hashes with low-quality frames dropped; a query frame matches when some target frame lies within
// the distance, and the videos match when enough of the query's frames do.
import {
  hammingDistance,
  PDQ_MATCH_THRESHOLD,
  PDQ_MIN_USEFUL_QUALITY,
} from '../../media/pdq/index.ts';

export interface VpdqFeature {
  /** The frame's number in the video, from its time and the frame rate. */
  frame: number;
  quality: number;
  /** 64 hex digits. */
  hash: string;
  timestamp: number;
}

/** Share of query frames that must match for the videos to match (vPDQ's default, 80 %). */
export const VPDQ_MATCH_PERCENT = 80;

/** The vPDQ features of stored stills (time in seconds, PDQ hash and quality). */
export function vpdqFeatures(
  stills: { timeSeconds: number | null; pdq: { hash: string; quality: number } }[],
  fps: number | null,
): VpdqFeature[] {
  return stills.map(({ timeSeconds, pdq }) => {
    const timestamp = timeSeconds ?? 0;
    return {
      frame: Math.round(timestamp * (fps ?? 0)),
      quality: pdq.quality,
      hash: pdq.hash,
      timestamp,
    };
  });
}

export interface VpdqComparison {
  /** Percent of the query's unique useful frames within `distance` of a target frame. */
  queryMatchPercent: number;
  /** Percent of the target's unique useful frames within `distance` of a query frame. */
  targetMatchPercent: number;
  matches: boolean;
}

function usefulUnique(features: VpdqFeature[], minQuality: number): string[] {
  return [...new Set(features.filter((f) => f.quality >= minQuality).map((f) => f.hash))];
}

function percentMatched(from: string[], to: string[], distance: number): number {
  if (from.length === 0) return 0;
  const matched = from.filter((a) => to.some((b) => hammingDistance(a, b) <= distance)).length;
  return (100 * matched) / from.length;
}

/** Compares a query video with a target the way vPDQ's matcher does. */
export function compareVpdq(
  query: VpdqFeature[],
  target: VpdqFeature[],
  distance = PDQ_MATCH_THRESHOLD,
  minQuality = PDQ_MIN_USEFUL_QUALITY,
): VpdqComparison {
  const q = usefulUnique(query, minQuality);
  const t = usefulUnique(target, minQuality);
  const queryMatchPercent = percentMatched(q, t, distance);
  const targetMatchPercent = percentMatched(t, q, distance);
  return {
    queryMatchPercent,
    targetMatchPercent,
    matches: queryMatchPercent >= VPDQ_MATCH_PERCENT,
  };
}
