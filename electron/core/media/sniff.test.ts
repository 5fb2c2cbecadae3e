import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixture, withTempDir } from '../../../tests/helpers/media.ts';
import { canDecodeHeic } from './sharp-policy.ts';
import { sniffBytes, sniffFile } from './sniff.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>';

describe('sniff', () => {
  it('goes by content, not by name', async () => {
    await withTempDir(async (dir) => {
      const disguised = path.join(dir, 'notes.txt');
      await copyFile(fixture('exif', 'HTC_Desire.webp'), disguised);
      expect(await sniffFile(disguised)).toEqual({
        mime: 'image/webp',
        ext: 'webp',
        kind: 'image',
      });
      const misnamed = path.join(dir, 'photo.png');
      await copyFile(fixture('exif', 'Casio_EX-S1.jpg'), misnamed);
      expect(await sniffFile(misnamed)).toEqual({ mime: 'image/jpeg', ext: 'jpg', kind: 'image' });
      const svg = path.join(dir, 'picture.jpg');
      await writeFile(svg, SVG);
      expect((await sniffFile(svg)).kind).toBe('opaque');
    });
  });

  it.each([
    ['Issue_16.tif', 'image/tiff'],
    ['Issue_649.avif', 'image/avif'],
    ['Issue_280_dotnet.png', 'image/png'],
  ])('recognises %s as an image', async (name, mime) => {
    expect(await sniffFile(fixture('exif', name))).toMatchObject({ mime, kind: 'image' });
  });

  it('treats GIF as an image', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await sniffBytes(gif)).toEqual({ mime: 'image/gif', ext: 'gif', kind: 'image' });
  });

  it('keeps PDF, SVG, unknown and empty content as opaque evidence', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect(await sniffBytes(pdf)).toEqual({ mime: 'application/pdf', ext: 'pdf', kind: 'opaque' });
    expect((await sniffBytes(Buffer.from(SVG))).kind).toBe('opaque');
    expect(await sniffBytes(Buffer.from('just a chat export\n'))).toEqual({
      mime: 'application/octet-stream',
      ext: 'bin',
      kind: 'opaque',
    });
    expect((await sniffBytes(new Uint8Array(0))).kind).toBe('opaque');
    await withTempDir(async (dir) => {
      const empty = path.join(dir, 'empty.jpg');
      await writeFile(empty, '');
      expect((await sniffFile(empty)).kind).toBe('opaque');
    });
  });

  it('calls HEIC an image only when this sharp build can decode it', async () => {
    const heic = await sniffFile(fixture('exif', 'Issue_263_dotnet.heic'));
    expect(heic.mime).toBe('image/heic');
    expect(heic.kind).toBe(canDecodeHeic() ? 'image' : 'opaque');
  });
});
