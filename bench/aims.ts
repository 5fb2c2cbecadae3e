// The aims of issue 17 (and issue 12's video ratio, issue 11's search latency), read from a
// finished run: each value with the baseline it was measured against in that same run, and
// whether the aim is met. Scripts read the keys, so they stay as named.
import { round } from './measure.ts';

interface Aim {
  /** `<bench>.<path>` of the measured value. */
  key: string;
  /** What the value is compared with, and where its number is. */
  baseline: { name: string; key: string };
  /** Where the measured side of the ratio is, when the value is a ratio. */
  measured?: string;
  op: '>=' | '<=' | '<';
  target: number;
}

const AIMS: readonly Aim[] = [
  {
    key: 'ingest.ingestVsDecodeFloor',
    measured: 'ingest.ingestItemsPerSecond',
    baseline: { name: 'bare sharp decode floor, items/s', key: 'ingest.decodeFloorItemsPerSecond' },
    op: '>=',
    target: 0.7,
  },
  {
    key: 'blobs.encryptVsBareGcmPlusWrite',
    measured: 'blobs.blobEncryptMBps',
    baseline: {
      name: 'bare AES-256-GCM plus a plain write+fsync of the same bytes, MB/s',
      key: 'blobs.bareGcmPlusWriteMBps',
    },
    op: '>=',
    target: 0.8,
  },
  {
    key: 'packets.buildVsBareZip',
    measured: 'packets.buildMBps',
    baseline: { name: 'bare yazl of the same files, MB/s', key: 'packets.bareZipMBps' },
    op: '>=',
    target: 0.9,
  },
  {
    key: 'packets.verifyVsBareHashes',
    measured: 'packets.verifyMBps',
    baseline: {
      name: 'bare MD5+SHA-1+SHA-256 of the same files on one core, MB/s',
      key: 'packets.bareHashesOneCoreMBps',
    },
    op: '>=',
    target: 1.0,
  },
  {
    key: 'packets.ageBuildVsBareChacha',
    measured: 'packets.ageBuildExcludingPdfMBps',
    baseline: {
      name: 'bare node:crypto ChaCha20-Poly1305 of the same files, file to fsynced file, MB/s',
      key: 'packets.bareChachaMBps',
    },
    op: '>=',
    target: 0.5,
  },
  {
    key: 'ingest.revealScreenPlain.p95Ms',
    baseline: { name: 'p50, ms', key: 'ingest.revealScreenPlain.p50Ms' },
    op: '<',
    target: 50,
  },
  {
    // Outline and grey are made on first need (preview/derived-previews.ts): each item's first
    // outline as the item view asks for it, after the veiled picture and a reviewer's pause.
    // Asked cold, with nothing prepared, it is ingest.revealScreenOutlineCold (no aim).
    key: 'ingest.revealScreenOutlineFirst.p95Ms',
    baseline: { name: 'p50, ms', key: 'ingest.revealScreenOutlineFirst.p50Ms' },
    op: '<',
    target: 50,
  },
  {
    key: 'written.search.p95Ms',
    baseline: {
      name: "p95 of migration 0006's plan (every word an FTS5 prefix query), same queries, ms",
      key: 'written.search.before.p95Ms',
    },
    op: '<',
    target: 100,
  },
  {
    key: 'ingest.memory.peakRssLargeOverSmall',
    baseline: {
      name: 'peak RSS of the small batch, MiB',
      key: 'ingest.memory.peakRssSmallBatch.totalMiB',
    },
    measured: 'ingest.memory.peakRssLargeBatch.totalMiB',
    op: '<=',
    target: 1.2,
  },
  {
    // Issue 12: the storyboard in wasm no worse than 3× native ffmpeg on the same keyframes.
    key: 'video.ratioToNative',
    measured: 'video.storyboardSecondsPerMinute',
    baseline: {
      name: 'native ffmpeg on the same keyframes, s per minute of 1080p',
      key: 'video.nativeKeyframesSecondsPerMinute',
    },
    op: '<=',
    target: 3,
  },
];

export interface AimResult {
  value: number | null;
  measured: number | null;
  baseline: { name: string; value: number | null };
  aim: string;
  met: boolean;
}

function at(results: Record<string, unknown>, key: string): number | null {
  let node: unknown = results;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

function meets(value: number, op: Aim['op'], target: number): boolean {
  if (op === '>=') return value >= target;
  if (op === '<=') return value <= target;
  return value < target;
}

/** Every aim whose bench ran; a bench that failed shows its aims as not met with a null value. */
export function judgeAims(
  results: Record<string, unknown>,
  ran: readonly string[],
): Record<string, AimResult> {
  const out: Record<string, AimResult> = {};
  for (const aim of AIMS) {
    if (!ran.includes(aim.key.split('.')[0] ?? '')) continue;
    const value = at(results, aim.key);
    out[aim.key] = {
      value,
      measured: aim.measured ? at(results, aim.measured) : null,
      baseline: { name: aim.baseline.name, value: at(results, aim.baseline.key) },
      aim: `${aim.op} ${aim.target}`,
      met: value !== null && meets(value, aim.op, aim.target),
    };
  }
  return out;
}

/** One line per aim: `key value (measured vs baseline): aim >= x met`. */
export function aimLines(aims: Record<string, AimResult>): string[] {
  return Object.entries(aims).map(([key, a]) => {
    const value = a.value === null ? 'missing' : String(round(a.value, 3));
    const against = `${a.measured === null ? '' : `${a.measured} vs `}${a.baseline.value ?? '?'} ${a.baseline.name}`;
    return `${key} ${value} (${against}): aim ${a.aim} ${a.met ? 'met' : 'not met'}`;
  });
}
