// PDF pages per second, read for text alone and rendered to frames (a page drawn by pdf.js on a
// Skia canvas, then PDQ and the eight previews, as ingest stores it), on a 20-page report printed
// by Chromium (text in four languages, an image on each page). One process, one page at a time,
// as the decode worker reads a PDF; the best of RUNS passes after a warm-up.
import { chromiumPdf } from '../electron/core/packets/render-pdf.ts';
import { openPdf } from '../electron/core/extract/pdf/pdf-document.ts';
import { pageFrame } from '../electron/core/extract/pdf/pdf-page-frame.ts';
import { pageLines } from '../electron/core/extract/pdf/pdf-text-lines.ts';
import { SENTENCE_BY_LANGUAGE, redSquarePng } from '../tests/fixtures/written/sentences.ts';
import { round, timed } from './measure.ts';

const PAGES = 20;
const RUNS = 3;

async function reportPdf(): Promise<Buffer> {
  const png = (await redSquarePng(200, 150)).toString('base64');
  const page = (n: number) =>
    `<section style="break-after: page"><h1>Page ${n}</h1>${Object.values(SENTENCE_BY_LANGUAGE)
      .map((s) => `<p dir="auto">${s.repeat(8)}</p>`)
      .join('')}<img alt="" src="data:image/png;base64,${png}"></section>`;
  return chromiumPdf(
    `<!doctype html><html><head><meta charset="utf-8"></head><body>${Array.from({ length: PAGES }, (_, i) => page(i + 1)).join('')}</body></html>`,
  );
}

async function pagesPerSecond(pdf: Buffer, render: boolean): Promise<number> {
  const pass = async () => {
    const doc = await openPdf(pdf);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pageLines(
        content.items.flatMap((i) =>
          'str' in i
            ? [{ str: i.str, dir: i.dir, x: i.transform[4] as number, hasEOL: i.hasEOL }]
            : [],
        ),
      );
      if (render) await pageFrame(page);
      page.cleanup();
    }
    await doc.loadingTask.destroy();
    return doc.numPages;
  };
  await pass();
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) best = Math.min(best, await timed(pass));
  return (PAGES * 1000) / best;
}

export default async function documents(): Promise<Record<string, unknown>> {
  const pdf = await reportPdf();
  return {
    pdfPages: PAGES,
    pdfBytes: pdf.length,
    pdfTextPagesPerSecond: round(await pagesPerSecond(pdf, false), 1),
    pdfRenderedPagesPerSecond: round(await pagesPerSecond(pdf, true), 1),
  };
}
