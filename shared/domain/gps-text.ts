// GPS from a file's metadata as one line of text, the same in the CLI and the police report. A
// file may record an altitude without a position; that is said plainly, not shown as 0, 0.

export interface GpsReading {
  latitude: number | null;
  longitude: number | null;
  altitude: number | null;
}

/** "lat, lon[, N m]" with `digits` decimals, or "altitude N m, no position". */
export function gpsText(gps: GpsReading, digits = 6): string {
  const altitude = gps.altitude === null ? null : `${gps.altitude} m`;
  if (gps.latitude === null || gps.longitude === null) {
    return altitude === null ? 'no position' : `altitude ${altitude}, no position`;
  }
  const position = `${gps.latitude.toFixed(digits)}, ${gps.longitude.toFixed(digits)}`;
  return altitude === null ? position : `${position}, ${altitude}`;
}
