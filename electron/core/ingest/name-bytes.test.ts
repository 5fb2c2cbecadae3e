import { describe, expect, it } from 'vitest';
import { displayPathFromBytes, isPlainName } from './name-bytes.ts';

describe('displayPathFromBytes', () => {
  it('shows UTF-8 names as they are, backslashes included', () => {
    const name = Buffer.from('улика/صورة back\\slash.png', 'utf8');
    expect(displayPathFromBytes(name)).toBe('улика/صورة back\\slash.png');
    expect(isPlainName(name)).toBe(true);
  });

  it('escapes each byte above 0x7F of a component that is not UTF-8, and its backslashes', () => {
    expect(displayPathFromBytes(Buffer.from('ok/caf\xe9 a\\b.jpg', 'latin1'))).toBe(
      'ok/caf\\xE9 a\\\\b.jpg',
    );
    expect(isPlainName(Buffer.from('caf\xe9', 'latin1'))).toBe(false);
  });

  it('is lossless: the escaped form of a component gives back its bytes', () => {
    const raw = Buffer.from([0x8e, 0xca, 0x90, 0x5e, 0x5c, 0x41, 0xff]);
    const shown = displayPathFromBytes(raw);
    expect(shown).toBe('\\x8E\\xCA\\x90^\\\\A\\xFF');
    const back = Buffer.from(
      shown.replace(/\\x([0-9A-F]{2})|\\\\/g, (m, hex: string | undefined) =>
        hex ? String.fromCharCode(parseInt(hex, 16)) : '\\',
      ),
      'latin1',
    );
    expect(back).toEqual(raw);
  });
});
