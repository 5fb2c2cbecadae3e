import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CAPTURED_AT,
  LINKS,
  PAGE_LINES,
  PAGE_URL,
  mhtml,
  savedHtml,
  wacz,
  warc,
} from '../../../../tests/fixtures/written/make-web.ts';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import type { ExtractResult } from '../extract-result.ts';
import { extractWeb } from './web.extractor.ts';
import { webCaptureFormat } from './web-sniff.ts';

const read = (bytes: Buffer, name: string) => extractWeb({ bytes, name }, DEFAULT_LIMITS);

/** The one embedded image, as a child: the red PNG, byte for byte a 64×48 image. */
async function expectRedImage(result: ExtractResult, path: string) {
  expect(result.children.map((c) => c.path)).toEqual([path]);
  const meta = await sharp(Buffer.from(result.children[0]!.bytes)).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 64, 48]);
}

describe('extractWeb', () => {
  it('reads a saved HTML page as text, never markup, with its links and inline image', async () => {
    const bytes = await savedHtml();
    expect(webCaptureFormat(bytes)).toBe('html');
    const result = await read(bytes, 'page_capture.html');
    expect(result.kind).toBe('web');
    expect(result.text?.split('\n')).toEqual(PAGE_LINES);
    expect(result.text).not.toMatch(/[<>]|never run|color: red/);
    expect(result.links).toEqual([LINKS[0], LINKS[1]]);
    expect(result.facts).toMatchObject({ url: PAGE_URL, title: 'User talk: Target', lang: 'en' });
    expect(result.encoding).toBe('UTF-8');
    await expectRedImage(result, 'images/image-1.png');
  });

  it('reads an MHTML capture: page URL, capture time and the image part', async () => {
    const bytes = await mhtml();
    expect(webCaptureFormat(bytes)).toBe('mhtml');
    const result = await read(bytes, 'page.mhtml');
    expect(result.text?.split('\n')).toEqual(PAGE_LINES);
    expect(result.facts).toMatchObject({ url: PAGE_URL, capturedAt: CAPTURED_AT });
    expect(result.eventAt).toBe(CAPTURED_AT);
    expect(result.links).toEqual([LINKS[0], LINKS[1]]);
    await expectRedImage(result, 'images/red.png');
  });

  it.each([
    ['plain', false],
    ['gzipped per record', true],
  ])(
    'reads a WARC (%s): the response page, its capture time and the archived image',
    async (_, gzip) => {
      const bytes = await warc({ gzip });
      expect(webCaptureFormat(bytes)).toBe('warc');
      const result = await read(bytes, 'capture.warc');
      expect(result.text?.split('\n')).toEqual(PAGE_LINES);
      expect(result.eventAt).toBe(CAPTURED_AT);
      expect(result.facts).toMatchObject({ url: PAGE_URL, records: 3, software: 'custody-tests' });
      await expectRedImage(result, 'images/red.png');
    },
  );

  it('reads a WACZ through the WARC it holds', async () => {
    const bytes = await wacz();
    expect(webCaptureFormat(bytes)).toBe('wacz');
    const result = await read(bytes, 'capture.wacz');
    expect(result.mime).toBe('application/wacz');
    expect(result.text?.split('\n')).toEqual(PAGE_LINES);
    expect(result.eventAt).toBe(CAPTURED_AT);
    await expectRedImage(result, 'images/red.png');
  });

  it('reads a WARC cut short up to the cut, and names the damage', async () => {
    const bytes = await warc();
    const result = await read(bytes.subarray(0, bytes.length - 100), 'cut.warc');
    expect(result.text?.split('\n')).toEqual(PAGE_LINES);
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/WARC record at byte \d+ is cut short/);
  });

  it('refuses a WARC with no readable record', async () => {
    const bytes = await warc();
    await expect(read(bytes.subarray(0, 40), 'cut.warc')).rejects.toThrow(/cut short/);
  });

  it('keeps an image over the child limit out, and says so', async () => {
    const result = await extractWeb(
      { bytes: await savedHtml(), name: 'p.html' },
      { ...DEFAULT_LIMITS, maxChildBytes: 10 },
    );
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/left out/);
  });
});
