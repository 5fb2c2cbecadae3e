// The images a PDF page paints, as PNG files: child items, hashed and veiled like any photo. pdf.js
// hands them over decoded (its image decoders run here, in the decode process), so the child is
// the pixels the page shows, re-encoded losslessly, not the stream's original bytes.
import sharp from 'sharp';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjs } from './pdf-document.ts';

interface DecodedImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 = 1-bit grey, 2 = RGB, 3 = RGBA. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Images smaller than this on both sides are decoration (bullets, rules), not evidence. */
const MIN_SIDE = 4;

export async function pageImages(page: PDFPageProxy): Promise<Buffer[]> {
  const { OPS } = await pdfjs();
  const ops = await page.getOperatorList();
  const ids = new Set<string>();
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.paintImageXObject || fn === OPS.paintImageXObjectRepeat) {
      const id: unknown = (ops.argsArray[i] as unknown[])[0];
      if (typeof id === 'string') ids.add(id);
    }
  });
  const out: Buffer[] = [];
  for (const id of ids) {
    const image = objectOf(page, id);
    if (!image || image.width < MIN_SIDE || image.height < MIN_SIDE) continue;
    out.push(await toPng(image));
  }
  return out;
}

function objectOf(page: PDFPageProxy, id: string): DecodedImage | null {
  const store = (id.startsWith('g_') ? page.commonObjs : page.objs) as {
    has(id: string): boolean;
    get(id: string): unknown;
  };
  // Every image the operator list names is resolved by the time it returns, unless its decode
  // failed: then it is absent, and skipped rather than awaited.
  if (!store.has(id)) return null;
  const o = store.get(id);
  return isDecoded(o) ? o : null;
}

function isDecoded(o: unknown): o is DecodedImage {
  const image = o as Partial<DecodedImage> | null;
  return (
    !!image && typeof image.width === 'number' && !!image.data && typeof image.kind === 'number'
  );
}

async function toPng({ width, height, kind, data }: DecodedImage): Promise<Buffer> {
  if (kind === 1) {
    // One bit per pixel, rows padded to a byte, 1 = white.
    const rowBytes = (width + 7) >> 3;
    const grey = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        grey[y * width + x] = bit ? 255 : 0;
      }
    }
    return sharp(grey, { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer();
  }
  const channels = kind === 3 ? 4 : 3;
  const pixels = Buffer.from(data.buffer, data.byteOffset, width * height * channels);
  return sharp(pixels, { raw: { width, height, channels } }).png().toBuffer();
}
