import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HANDMADE_INFO,
  HANDMADE_TEXT,
  handmadePdf,
  printedPdf,
} from '../../../../tests/fixtures/written/make-pdf.ts';
import { SENTENCE_BY_LANGUAGE } from '../../../../tests/fixtures/written/sentences.ts';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import type { ExtractResult } from '../extract-result.ts';
import { extractPdf, pageMarker } from './pdf.extractor.ts';

let printed: ExtractResult;
// Where the handmade PDF's link, script and form point (tests/unit/documents-offline.test.ts
// proves nothing calls them).
const url = 'http://127.0.0.1:9/';

beforeAll(async () => {
  printed = await extractPdf(
    { bytes: await printedPdf(), name: 'incident_report.pdf' },
    DEFAULT_LIMITS,
  );
});

describe('extractPdf on a PDF printed by Chromium', () => {
  it('gives the known sentences in reading order, each page opened by its marker', () => {
    expect(printed.kind).toBe('pdf');
    expect(printed.text?.split('\n')).toEqual([
      pageMarker(1, 2),
      SENTENCE_BY_LANGUAGE.en,
      SENTENCE_BY_LANGUAGE.ar,
      SENTENCE_BY_LANGUAGE.ru,
      pageMarker(2, 2),
      SENTENCE_BY_LANGUAGE.fa,
    ]);
    expect(printed.encoding).toBe('UTF-8');
    expect(printed.facts).toMatchObject({ pages: 2, title: 'Incident report', pageLines: [1, 5] });
    expect(printed.damaged).toBeNull();
  });

  it('renders every page to a frame with its PDQ hash and veiled previews', async () => {
    expect(printed.frames.map((f) => f.page)).toEqual([1, 2]);
    for (const frame of printed.frames) {
      expect(frame.pdq.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Math.max(frame.width, frame.height)).toBe(1600);
      const veiled = frame.previews.screen.veiled;
      const plain = frame.previews.screen.plain;
      expect(veiled.bytes.length).toBeGreaterThan(0);
      expect(Buffer.compare(Buffer.from(veiled.bytes), Buffer.from(plain.bytes))).not.toBe(0);
    }
    // Page 1 carries text and the image, page 2 one line: their pixels differ.
    expect(printed.frames[0]!.pdq.hash).not.toBe(printed.frames[1]!.pdq.hash);
    // The plain preview shows the red image: some pixels are strongly red.
    const { data, info } = await sharp(Buffer.from(printed.frames[0]!.previews.screen.plain.bytes))
      .raw()
      .toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i]! > 150 && data[i + 1]! < 80 && data[i + 2]! < 80) red++;
    }
    expect(red).toBeGreaterThan(100);
  });

  it('gives the embedded image as a child PNG of the same pixels', async () => {
    expect(printed.children.map((c) => c.path)).toEqual(['images/page-1-1.png']);
    const image = sharp(Buffer.from(printed.children[0]!.bytes));
    const meta = await image.metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 64, 48]);
    const { dominant } = await image.stats();
    expect(dominant.r).toBeGreaterThan(150);
    expect(dominant.g).toBeLessThan(80);
  });
});

describe('extractPdf on a PDF with an attachment, a link, a form and a script', () => {
  const attachment = { name: '../../evil/note.txt', bytes: Buffer.from('attached note, kept') };

  it('keeps the attachment as a child under a neutral path, and reads the metadata', async () => {
    const result = await extractPdf(
      { bytes: handmadePdf({ url, attachment }), name: 'h.pdf' },
      DEFAULT_LIMITS,
    );
    expect(result.text).toBe(`${pageMarker(1, 1)}\n${HANDMADE_TEXT}`);
    const attached = result.children.find((c) => c.path.startsWith('attachments/'));
    expect(attached?.path).toBe('attachments/note.txt');
    expect(Buffer.from(attached!.bytes).toString()).toBe('attached note, kept');
    expect(result.facts).toMatchObject({
      title: HANDMADE_INFO.title,
      author: HANDMADE_INFO.author,
      createdAt: HANDMADE_INFO.creationDate,
      hasForm: true,
      hasScripts: true,
    });
    expect(result.eventAt).toBe(HANDMADE_INFO.creationDate);
  });

  it('lists the link as text', async () => {
    const result = await extractPdf(
      { bytes: handmadePdf({ url, attachment }), name: 'h.pdf' },
      DEFAULT_LIMITS,
    );
    expect(result.links).toEqual([`${url}link`]);
    expect(result.frames).toHaveLength(1);
  });

  it('leaves out an attachment over the child size limit and says so', async () => {
    const result = await extractPdf(
      { bytes: handmadePdf({ url, attachment }), name: 'h.pdf' },
      { ...DEFAULT_LIMITS, maxChildBytes: 10 },
    );
    expect(result.children.some((c) => c.path.startsWith('attachments/'))).toBe(false);
    expect(result.damaged).toMatch(/left out/);
  });

  it('refuses a truncated PDF with the reason, naming no path', async () => {
    const whole = handmadePdf({ url, attachment });
    await expect(
      extractPdf({ bytes: whole.subarray(0, whole.length - 200), name: 'h.pdf' }, DEFAULT_LIMITS),
    ).rejects.toThrow(/Invalid PDF structure/);
  });
});
