// The hash types lists carry, by their many spellings, and how each value is checked. Types
// Custody computes are normalised to lower-case hex of the right length; the others (PhotoDNA,
// NetClean, TMK+PDQF, Videntifier) are kept as the list wrote them, shown as "not computable here".

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
};

/** The canonical name of a hash type as a list spells it, or null for one Custody does not know. */
export function canonicalHashType(spelled: string): string | null {
  return ALIASES[spelled.trim().toLowerCase().replace(/\s+/g, '')] ?? null;
}

export type HashValue = { ok: true; value: string } | { ok: false; reason: string };

/** Checks a value of a canonical type: computable types must be hex of their exact length. */
export function normaliseHash(type: string, raw: string): HashValue {
  const value = raw.trim();
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
