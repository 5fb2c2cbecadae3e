import { describe, expect, it } from 'vitest';
import { cameraName } from './camera-name.ts';

describe('cameraName', () => {
  it('does not repeat a maker the model already names', () => {
    expect(cameraName('Canon', 'Canon PowerShot A85')).toBe('Canon PowerShot A85');
    expect(cameraName('NIKON CORPORATION', 'NIKON D5000')).toBe('NIKON D5000');
    expect(cameraName('SAMSUNG', 'SAMSUNG-SM-J327T1')).toBe('SAMSUNG-SM-J327T1');
  });

  it('joins make and model when the model does not name the maker', () => {
    expect(cameraName('Apple', 'iPhone 4')).toBe('Apple iPhone 4');
    expect(cameraName('FUJIFILM', 'FinePixS2Pro')).toBe('FUJIFILM FinePixS2Pro');
    // A model that merely begins with the same letters is another word.
    expect(cameraName('Kodak', 'KodakEasyShare')).toBe('Kodak KodakEasyShare');
  });

  it('uses whichever is recorded, or nothing', () => {
    expect(cameraName(null, 'P 45+')).toBe('P 45+');
    expect(cameraName('Phase One', null)).toBe('Phase One');
    expect(cameraName(null, null)).toBeNull();
    expect(cameraName('', '  ')).toBeNull();
  });
});
