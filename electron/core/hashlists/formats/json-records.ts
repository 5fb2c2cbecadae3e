// Shared reading of JSON lists: the record array (top level or under a known key), and values as
// real files write them (booleans as strings, numbers as strings).

/** The first array found at the top level or under one of `keys`. */
export function recordArray(doc: unknown, keys: readonly string[]): unknown[] | null {
  if (Array.isArray(doc)) return doc as unknown[];
  if (doc && typeof doc === 'object') {
    for (const k of keys) {
      const v = (doc as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v as unknown[];
    }
  }
  return null;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field by name, case-insensitively (files in the wild vary). */
export function field(r: Record<string, unknown>, name: string): unknown {
  if (name in r) return r[name];
  const lower = name.toLowerCase();
  const key = Object.keys(r).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : r[key];
}

/** true, "true", "True", 1, "1", "yes" → true; anything else → false. */
export function asBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1;
  return typeof v === 'string' && /^(true|1|yes)$/i.test(v.trim());
}

export const asText = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

/** ISO-8601, or .NET's `/Date(1514764800000)/` (optionally with an offset), to ISO; null otherwise. */
export function asDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const dotnet = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(v.trim());
  const ms = dotnet ? Number(dotnet[1]) : Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
