import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixture, withTempDir } from '../../../tests/helpers/media.ts';
import { sniffBytes, sniffFile } from './sniff.ts';
import { bigEndianTiff } from '../../../tests/helpers/images.ts';
import { tarOf } from '../../../tests/fixtures/written/tar-of.ts';

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
      // SVG can script and fetch: never decoded as an image; its markup is readable as text.
      expect((await sniffFile(svg)).kind).toBe('text');
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

  it('names PDF its own kind, never an image, and keeps unknown and empty content opaque', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect(await sniffBytes(pdf)).toEqual({ mime: 'application/pdf', ext: 'pdf', kind: 'pdf' });
    expect((await sniffBytes(Buffer.from(SVG))).kind).not.toBe('image');
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
      ['export.json', Buffer.from('{"rows": [{"id": 1, "text": "hi"}]}\n'), 'application/json'],
      [
        'page.html',
        Buffer.from('<!DOCTYPE html>\n<html><body>saved page</body></html>\n'),
        'text/html',
      ],
      ['page.htm', Buffer.from('  <html lang="fa"><head></head></html>'), 'text/html'],
      ['table.csv', Buffer.from('name,count\na,1\n'), 'text/csv'],
      // A "text" column alone does not make a chat: it needs a sender or a time beside it.
      ['notes.csv', Buffer.from('id,text\n1,hello\n'), 'text/csv'],
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
      expect(sniffed).toMatchObject({ mime, kind: mime === 'text/html' ? 'web' : 'text' });
    });

    it.each([
      ['export.json', '{"messages": [{"from": "a", "text": "hi"}]}', 'application/json'],
      [
        'dump.json',
        '\ufeff[ {"timestamp": 1764504000, "sender": "Ivan", "message": "hi"} ]',
        'application/json',
      ],
      ['chat.csv', 'time,from,text\n2026-11-30T12:00:00Z,Ivan,hi\n', 'text/csv'],
      ['chat.txt', '"Date";"Author";"Message"\n"2026-11-30";"Ivan";"hi"\n', 'text/csv'],
    ])("%s: another tool's chat export is a chat, whatever its name", async (name, text, mime) => {
      const sniffed = await sniffBytes(Buffer.from(text), { name, complete: true });
      expect(sniffed).toMatchObject({ mime, kind: 'chat' });
    });

    it.each([
      ['windows-1256 Arabic', Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1])],
      ['KOI8-R Russian', Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9])],
    ])('recognises %s, with no byte-order mark, as text', async (_name, bytes) => {
      expect(await sniffBytes(bytes, { name: 'note.dat', complete: true })).toEqual({
        mime: 'text/plain',
        ext: 'txt',
        kind: 'text',
      });
    });

    it('recognises e-mail by its headers and an mbox by its From line, whatever the name', async () => {
      const eml = Buffer.from(
        'Received: from mx.example.org\r\nFrom: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n',
      );
      expect(await sniffBytes(eml, { name: 'message.txt', complete: true })).toMatchObject({
        mime: 'message/rfc822',
        kind: 'email',
      });
      const mbox = Buffer.from(
        'From a@example.org Mon Jan  1 00:00:00 2024\nFrom: a@example.org\n\nbody\n',
      );
      expect(await sniffBytes(mbox, { name: 'inbox', complete: true })).toMatchObject({
        mime: 'application/mbox',
        kind: 'email',
      });
      // Prose that starts with "From" is not a mailbox.
      const prose = Buffer.from('From the desk of the editor: hello.\n');
      expect((await sniffBytes(prose, { complete: true })).kind).toBe('text');
    });

    it('is not fooled by NULs or control bytes; 8-bit text is text in an encoding read later', async () => {
      const nul = Buffer.from('looks like text\u0000but is not');
      expect((await sniffBytes(nul, { name: 'a.txt', complete: true })).mime).toBe(
        'application/octet-stream',
      );
      const controls = Buffer.from([0x41, 0x01, 0x02, 0xe9, 0x42]);
      expect((await sniffBytes(controls, { name: 'a.txt', complete: true })).kind).toBe('opaque');
      const latin1 = Buffer.from('caf\xe9 au lait', 'latin1');
      expect((await sniffBytes(latin1, { name: 'a.txt', complete: true })).kind).toBe('text');
      // A multi-byte character split by the end of the head is still text.
      const cut = Buffer.from('ok \u0416', 'utf8').subarray(0, 4);
      expect((await sniffBytes(cut, { name: 'a.txt', complete: false })).mime).toBe('text/plain');
    });

    it('reads the name from the path when sniffing a file', async () => {
      await withTempDir(async (dir) => {
        const json = path.join(dir, 'contacts.json');
        await writeFile(json, JSON.stringify({ contacts: ['a', 'b'] }));
        expect(await sniffFile(json)).toEqual({
          mime: 'application/json',
          ext: 'json',
          kind: 'text',
        });
      });
    });
  });

  it.each([
    ['a WARC record', 'WARC/1.0\r\nWARC-Type: response'],
    ['MIME headers', 'MIME-Version: 1.0'],
    ['a byte-order mark', '\ufeffnote.txt'],
  ])('a tar whose first member is named like %s is a tar', async (_, name) => {
    const tar = await tarOf([{ name, bytes: 'x' }]);
    expect(await sniffBytes(tar)).toEqual({
      mime: 'application/x-tar',
      ext: 'tar',
      kind: 'archive',
    });
  });
});
