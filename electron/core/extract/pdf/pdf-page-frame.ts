// One PDF page as a frame: drawn by pdf.js onto a Skia canvas (@napi-rs/canvas), then put through
// the same pipeline as a photo (renderImage), so a page has its PDQ hash and the eight veiled,
// outline, grey and plain previews. A PDF can carry abuse imagery: a page is never shown unveiled.
import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SCREEN_SIZE, renderImage } from '../../media/previews.ts';
import type { ExtractedFrame } from '../extract-result.ts';

/** Pages are drawn so their longest side is the screen preview's, never above this area. */
const MAX_PAGE_PIXELS = 4096 * 4096;

export async function pageFrame(page: PDFPageProxy): Promise<ExtractedFrame> {
  const natural = page.getViewport({ scale: 1 });
  let scale = SCREEN_SIZE / Math.max(natural.width, natural.height, 1);
  const area = natural.width * natural.height * scale * scale;
  if (area > MAX_PAGE_PIXELS) scale *= Math.sqrt(MAX_PAGE_PIXELS / area);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(
    Math.max(1, Math.round(viewport.width)),
    Math.max(1, Math.round(viewport.height)),
  );
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    // Skia's canvas stands in for the DOM's (whose types the Node program lacks): pdf.js draws
    // through the same 2D context calls.
    canvas: canvas as never,
    // The lint program sees DOM types here and calls this cast needless; tsc needs it.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    canvasContext: context as never,
    viewport,
    // Form fields are drawn as the file's appearance says, never as live widgets.
    annotationMode: 1,
  }).promise;
  const png = await canvas.encode('png');
  const rendered = await renderImage(png);
  return {
    timeSeconds: null,
    page: page.pageNumber,
    width: rendered.width,
    height: rendered.height,
    pdq: rendered.pdq,
    previews: rendered.previews,
  };
}
