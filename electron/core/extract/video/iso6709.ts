// ISO 6709 positions as QuickTime and MP4 store them (`©xyz`, Apple's
// com.apple.quicktime.location.ISO6709): "+38.6995-009.2077/" or with altitude
// "+38.6995-009.2077+012.345/", decimal degrees only (the forms every phone writes).
import type { GpsPosition } from '../../media/metadata.ts';

const DECIMAL = /^([+-]\d{2}(?:\.\d+)?)([+-]\d{3}(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?(?:CRS[^/]*)?\/?$/;

export function parseIso6709(text: string): GpsPosition | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude, altitude: m[3] === undefined ? null : Number(m[3]) };
}
