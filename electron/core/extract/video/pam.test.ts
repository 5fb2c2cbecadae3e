// PAM frames as FFmpeg's image2pipe writes them, cut wherever its writes happen to end.
import { describe, expect, it } from 'vitest';
import { PamSplitter, parsePam } from './pam.ts';

function pam(width: number, height: number, fill: number): Uint8Array {
  const head = `P7\nWIDTH ${width}\nHEIGHT ${height}\nDEPTH 3\nMAXVAL 255\nTUPLTYPE RGB\nENDHDR\n`;
  const bytes = new Uint8Array(head.length + width * height * 3);
  bytes.set(new TextEncoder().encode(head));
  bytes.fill(fill, head.length);
  return bytes;
}

describe('a stream of PAM frames', () => {
  it('gives each whole frame once, however the bytes are cut', () => {
    const stream = Buffer.concat([pam(4, 3, 1), pam(2, 2, 2), pam(5, 1, 3)]);
    for (const cut of [1, 2, 7, 40, 61, stream.length]) {
      const frames: [number, number, number][] = [];
      const splitter = new PamSplitter((f) => frames.push([f.width, f.height, f.data[0]!]));
      for (let at = 0; at < stream.length; at += cut) splitter.push(stream.subarray(at, at + cut));
      expect(frames, `cut every ${cut} bytes`).toEqual([
        [4, 3, 1],
        [2, 2, 2],
        [5, 1, 3],
      ]);
    }
  });

  it('refuses bytes that are not PAM, and a frame of another layout', () => {
    expect(() => new PamSplitter(() => {}).push(new TextEncoder().encode('GIF89a'))).toThrow(
      /not a PAM frame/,
    );
    const grey = new TextEncoder().encode('P7\nWIDTH 1\nHEIGHT 1\nDEPTH 1\nMAXVAL 255\nENDHDR\nx');
    expect(() => parsePam(grey)).toThrow(/unexpected PAM frame layout/);
  });
});
