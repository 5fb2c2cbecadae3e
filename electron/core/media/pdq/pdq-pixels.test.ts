import { describe, expect, it } from 'vitest';
import { pdqFromLuma } from './pdq-hash.ts';
import { hammingDistance } from './pdq-hex.ts';
import { lumaFromPixels, pdqDihedralFromPixels, pdqFromPixels } from './pdq-pixels.ts';

// A smooth scene with some edges, so the hash is stable and quality is high.
function scene(width: number, height: number, channels: number): Uint8Array {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      const rgb = [
        128 + 100 * Math.sin(9 * u + 4 * v),
        (u * 255 + ((x * y) % 37)) & 0xff,
        (u - 0.4) ** 2 + (v - 0.6) ** 2 < 0.05 ? 240 : 30 + 150 * v,
      ];
      for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = rgb[c % 3]!;
    }
  }
  return data;
}

function withChannel(data: Uint8Array, channels: number, fill: (i: number) => number): Uint8Array {
  const pixels = data.length / channels;
  const out = new Uint8Array(pixels * (channels + 1));
  for (let p = 0; p < pixels; p++) {
    out.set(data.subarray(p * channels, (p + 1) * channels), p * (channels + 1));
    out[p * (channels + 1) + channels] = fill(p);
  }
  return out;
}

describe('pdqFromPixels', () => {
  it('ignores alpha instead of compositing it, for grey and for colour', () => {
    const rgb = scene(300, 200, 3);
    const grey = scene(300, 200, 1);
    const noisyAlpha = (p: number): number => (p * 7919) & 0xff;
    expect(pdqFromPixels(withChannel(rgb, 3, noisyAlpha), 300, 200, 4)).toEqual(
      pdqFromPixels(rgb, 300, 200, 3),
    );
    expect(
      pdqFromPixels(
        withChannel(grey, 1, () => 0),
        300,
        200,
        2,
      ),
    ).toEqual(pdqFromPixels(grey, 300, 200, 1));
  });

  it('hashes grey by its value and colour by float32 Rec. 601 luma', () => {
    const rgb = scene(120, 90, 3);
    const luma = new Float32Array(120 * 90);
    const f = Math.fround;
    for (let i = 0; i < luma.length; i++) {
      const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
      luma[i] = f(f(f(f(0.299) * r) + f(f(0.587) * g)) + f(f(0.114) * b));
    }
    expect(lumaFromPixels(rgb, 120, 90, 3)).toEqual(luma);
    const grey = scene(120, 90, 1);
    expect(lumaFromPixels(grey, 120, 90, 1)).toEqual(Float32Array.from(grey));
  });

  it('resizes anything over 512 px to exactly 512x512 by nearest neighbour first', () => {
    // Source pixel floor(x * W / 512): a 1024x1024 picture made of 2x2 blocks of a 512x512
    // one hashes exactly like it; so does a 700x40 strip against its hand-sampled stretch.
    const small = scene(512, 512, 3);
    const doubled = new Uint8Array(1024 * 1024 * 3);
    for (let y = 0; y < 1024; y++) {
      for (let x = 0; x < 1024; x++) {
        const from = ((y >> 1) * 512 + (x >> 1)) * 3;
        doubled.set(small.subarray(from, from + 3), (y * 1024 + x) * 3);
      }
    }
    expect(pdqFromPixels(doubled, 1024, 1024, 3)).toEqual(pdqFromPixels(small, 512, 512, 3));

    const strip = scene(700, 40, 1);
    const stretched = new Float32Array(512 * 512);
    for (let y = 0; y < 512; y++) {
      for (let x = 0; x < 512; x++) {
        stretched[y * 512 + x] =
          strip[Math.floor((y * 40) / 512) * 700 + Math.floor((x * 700) / 512)]!;
      }
    }
    expect(pdqFromPixels(strip, 700, 40, 1)).toEqual(pdqFromLuma(stretched, 512, 512));
  });

  it('hashes a picture of 512 px or less at its own size', () => {
    const data = scene(512, 300, 1);
    expect(pdqFromPixels(data, 512, 300, 1)).toEqual(
      pdqFromLuma(Float32Array.from(data), 512, 300),
    );
  });

  it('gives the all-zero hash and quality 0 below 5 px, for every dihedral too', () => {
    const zero = '0'.repeat(64);
    expect(pdqFromPixels(scene(4, 300, 3), 4, 300, 3)).toEqual({ hash: zero, quality: 0 });
    const { hashes, quality } = pdqDihedralFromPixels(scene(300, 4, 3), 300, 4, 3);
    expect(quality).toBe(0);
    expect(new Set(Object.values(hashes))).toEqual(new Set([zero]));
  });

  it('checks the 5 px minimum after the pre-resize, as the reference CLI does', () => {
    // A 4x900 strip is over 512 px, so it is stretched to 512x512 and hashed for real.
    expect(pdqFromPixels(scene(4, 900, 3), 4, 900, 3).hash).not.toBe('0'.repeat(64));
  });

  it('keeps quality high and the dihedral original equal to the plain hash', () => {
    const data = scene(640, 480, 3);
    const plain = pdqFromPixels(data, 640, 480, 3);
    const dihedral = pdqDihedralFromPixels(data, 640, 480, 3);
    expect(plain.quality).toBeGreaterThanOrEqual(50);
    expect(dihedral.hashes.orig).toBe(plain.hash);
    expect(dihedral.quality).toBe(plain.quality);
    expect(hammingDistance(dihedral.hashes.rot180, plain.hash)).toBeGreaterThan(0);
  });

  it('rejects buffers that do not hold width x height x channels bytes', () => {
    expect(() => pdqFromPixels(new Uint8Array(299), 10, 10, 3)).toThrow(RangeError);
    expect(() => pdqFromPixels(new Uint8Array(500), 10, 10, 5)).toThrow(RangeError);
    expect(() => pdqFromPixels(new Uint8Array(0), -1, 10, 1)).toThrow(RangeError);
  });
});
