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
  /** The largest distance from a matched query frame to its closest target frame (0 if none). */
  maxDistance: number;
  matches: boolean;
}

function usefulUnique(features: VpdqFeature[], minQuality: number): string[] {
  return [...new Set(features.filter((f) => f.quality >= minQuality).map((f) => f.hash))];
}

/** Share of `from` within `distance` of some hash of `to`, and the farthest such closest pair. */
function percentMatched(
  from: string[],
  to: string[],
  distance: number,
): { percent: number; maxDistance: number } {
  if (from.length === 0) return { percent: 0, maxDistance: 0 };
  let matched = 0;
  let maxDistance = 0;
  for (const a of from) {
    const closest = Math.min(...to.map((b) => hammingDistance(a, b)));
    if (closest > distance) continue;
    matched++;
    maxDistance = Math.max(maxDistance, closest);
  }
  return { percent: (100 * matched) / from.length, maxDistance };
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
  const forward = percentMatched(q, t, distance);
  const back = percentMatched(t, q, distance);
  return {
    queryMatchPercent: forward.percent,
    targetMatchPercent: back.percent,
    maxDistance: forward.maxDistance,
    matches: forward.percent >= VPDQ_MATCH_PERCENT,
  };
}
