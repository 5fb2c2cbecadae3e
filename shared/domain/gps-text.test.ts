import { describe, expect, it } from 'vitest';
import { gpsText } from './gps-text.ts';

describe('gpsText', () => {
  it('gives the position, with the altitude when recorded', () => {
    expect(gpsText({ latitude: 45.5006666, longitude: -9.11, altitude: null })).toBe(
      '45.500667, -9.110000',
    );
    expect(gpsText({ latitude: 0, longitude: 0, altitude: 217 }, 2)).toBe('0.00, 0.00, 217 m');
  });

  it('says plainly when there is an altitude but no position', () => {
    expect(gpsText({ latitude: null, longitude: null, altitude: 324.145 })).toBe(
      'altitude 324.145 m, no position',
    );
  });
});
