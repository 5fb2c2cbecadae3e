import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixture, withTempDir } from '../../../tests/helpers/media.ts';
import { sniffBytes, sniffFile } from './sniff.ts';
import { bigEndianTiff } from '../../../tests/helpers/images.ts';

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

  it('recognises a big-endian TIFF by its header when its first directory lies past the sniffed bytes', async () => {
    const far = bigEndianTiff({ width: 64, height: 64, ifdOffset: 40_000 });
    expect(await sniffBytes(far)).toEqual({ mime: 'image/tiff', ext: 'tif', kind: 'image' });
    const bigTiff = Buffer.from([0x49, 0x49, 0x2b, 0x00, 0x08, 0x00, 0x00, 0x00]);
    expect(await sniffBytes(Buffer.concat([bigTiff, Buffer.alloc(20_000)]))).toMatchObject({
      mime: 'image/tiff',
      kind: 'image',
    });
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
    expect(await sniffBytes(Uint8Array.from([0x00, 0x01, 0xfe, 0x42, 0x00]))).toEqual({
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

  it('calls HEIC an image: its pixels are decoded in WebAssembly whatever libvips lacks', async () => {
    const heic = await sniffFile(fixture('exif', 'Issue_263_dotnet.heic'));
    expect(heic.mime).toBe('image/heic');
    expect(heic.kind).toBe('image');
  });

  describe('text, by content, named by extension only where the content agrees', () => {
    const utf16le = (text: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    it.each([
      ['chat.txt', Buffer.from('привет, как дела?\nمرحبا\n'), 'text/plain'],
      [
        'export.json',
        Buffer.from('{"messages": [{"from": "a", "text": "hi"}]}\n'),
        'application/json',
      ],
      [
        'page.html',
        Buffer.from('<!DOCTYPE html>\n<html><body>saved page</body></html>\n'),
        'text/html',
      ],
      ['page.htm', Buffer.from('  <html lang="fa"><head></head></html>'), 'text/html'],
      ['table.csv', Buffer.from('name,count\na,1\n'), 'text/csv'],
      ['feed.xml', Buffer.from('<?xml version="1.0"?><feed/>'), 'application/xml'],
      ['windows.txt', utf16le('Notepad, UTF-16 with a BOM\r\n'), 'text/plain'],
      ['bom.json', Buffer.from('\ufeff[1, 2, 3]'), 'application/json'],
      // The name says JSON or HTML, the content does not: plain text.
      ['broken.json', Buffer.from('{"cut": "off'), 'text/plain'],
      ['notes.html', Buffer.from('just notes, no markup'), 'text/plain'],
      // The content is JSON, the name does not say so: plain text, not a guess.
      ['dump.bin', Buffer.from('{"a": 1}'), 'text/plain'],
    ])('%s', async (name, bytes, mime) => {
      const sniffed = await sniffBytes(bytes, { name, complete: true });
      expect(sniffed).toMatchObject({ mime, kind: 'opaque' });
    });

    it('is not fooled by NULs, invalid UTF-8 or a head cut mid-character', async () => {
      const nul = Buffer.from('looks like text\u0000but is not');
      expect((await sniffBytes(nul, { name: 'a.txt', complete: true })).mime).toBe(
        'application/octet-stream',
      );
      const latin1 = Buffer.from('caf\xe9 au lait', 'latin1');
      expect((await sniffBytes(latin1, { name: 'a.txt', complete: true })).mime).toBe(
        'application/octet-stream',
      );
      // A multi-byte character split by the end of the head is still text; a whole file is not.
      const cut = Buffer.from('ok \u0416', 'utf8').subarray(0, 4);
      expect((await sniffBytes(cut, { name: 'a.txt', complete: false })).mime).toBe('text/plain');
      expect((await sniffBytes(cut, { name: 'a.txt', complete: true })).mime).toBe(
        'application/octet-stream',
      );
    });

    it('reads the name from the path when sniffing a file', async () => {
      await withTempDir(async (dir) => {
        const json = path.join(dir, 'contacts.json');
        await writeFile(json, JSON.stringify({ contacts: ['a', 'b'] }));
        expect(await sniffFile(json)).toEqual({
          mime: 'application/json',
          ext: 'json',
          kind: 'opaque',
        });
      });
    });
  });
});
