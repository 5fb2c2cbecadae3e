// The hash types lists carry, by their many spellings, and how each value is checked. Types
// Custody computes are normalised to lower-case hex of the right length; the others (PhotoDNA,
// NetClean, TMK+PDQF, Videntifier) are kept as the list wrote them, shown as "not computable here".
// A vPDQ value is python-threatexchange's: a JSON array of "pdq hex,quality,seconds" frames.
import type { VpdqFeature } from '../extract/video/vpdq.ts';

const HEX_LENGTH: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, pdq: 64 };

const ALIASES: Record<string, string> = {
  md5: 'md5',
  video_md5: 'md5',
  'md5-hash': 'md5',
  sha1: 'sha1',
  'sha-1': 'sha1',
  sha256: 'sha256',
  'sha-256': 'sha256',
  pdq: 'pdq',
  pdq_hash: 'pdq',
  photodna: 'photodna',
  pdna: 'photodna',
  netclean: 'netclean',
  tmk: 'tmk_pdqf',
  tmk_pdqf: 'tmk_pdqf',
  video_tmk_pdqf: 'tmk_pdqf',
  'tmk+pdqf': 'tmk_pdqf',
  videntifier: 'videntifier',
  vpdq: 'vpdq',
  video_vpdq: 'vpdq',
};

/** The canonical name of a hash type as a list spells it, or null for one Custody does not know. */
export function canonicalHashType(spelled: string): string | null {
  return ALIASES[spelled.trim().toLowerCase().replace(/\s+/g, '')] ?? null;
}

export type HashValue = { ok: true; value: string } | { ok: false; reason: string };

/** Checks a value of a canonical type: computable types must be hex of their exact length. */
export function normaliseHash(type: string, raw: string): HashValue {
  const value = raw.trim();
  if (type === 'vpdq') {
    const v = parseVpdq(value);
    return v.ok ? { ok: true, value: JSON.stringify(v.features.map(vpdqFrameText)) } : v;
  }
  const length = HEX_LENGTH[type];
  if (length === undefined) {
    if (!value) return { ok: false, reason: `empty ${type} value` };
    if (value.length > 4096)
      return { ok: false, reason: `${type} value longer than 4096 characters` };
    return { ok: true, value };
  }
  if (!/^[0-9a-fA-F]*$/.test(value)) return { ok: false, reason: `${type} is not hex` };
  if (value.length !== length)
    return {
      ok: false,
      reason: `${type} has ${value.length} hex digits, expected ${length}`,
    };
  return { ok: true, value: value.toLowerCase() };
}

const vpdqFrameText = (f: VpdqFeature) => `${f.hash},${f.quality},${f.timestamp}`;

/** A vPDQ value's frames, or why it is not one. */
export function parseVpdq(
  value: string,
): { ok: true; features: VpdqFeature[] } | { ok: false; reason: string } {
  let frames: unknown;
  try {
    frames = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'vpdq is not a JSON array of frames' };
  }
  if (!Array.isArray(frames) || frames.length === 0)
    return { ok: false, reason: 'vpdq is not a JSON array of frames' };
  const features: VpdqFeature[] = [];
  for (const [i, text] of frames.entries()) {
    const [hash = '', quality = '', seconds = ''] = typeof text === 'string' ? text.split(',') : [];
    const q = Number(quality);
    const t = Number(seconds);
    if (!/^[0-9a-fA-F]{64}$/.test(hash) || !Number.isInteger(q) || q < 0 || q > 100 || !(t >= 0))
      return { ok: false, reason: `vpdq frame ${i + 1} is not "pdq hex,quality,seconds"` };
    features.push({ frame: i, quality: q, hash: hash.toLowerCase(), timestamp: t });
  }
  return { ok: true, features };
}
