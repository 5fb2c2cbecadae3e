// The calm placeholder shown for opaque evidence (PDF, video, text...) and for images that failed
// to decode: a grey square with a plain document glyph. Drawn from rectangles, not SVG, because
// the SVG loader is blocked in every process that applies the sharp policy.
import sharp from 'sharp';
import type { OverlayOptions } from 'sharp';
import type { EncodedPreview } from './preview-variants.ts';

export const GENERIC_TILE_SIZE = 320;

const BACKGROUND = { r: 214, g: 214, b: 214 };
const PAGE_EDGE = { r: 150, g: 150, b: 150 };
const PAGE = { r: 246, g: 246, b: 246 };
const TEXT_LINE = { r: 190, g: 190, b: 190 };

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  colour: { r: number; g: number; b: number };
}

async function block(box: Box): Promise<OverlayOptions> {
  const input = await sharp({
    create: { width: box.width, height: box.height, channels: 3, background: box.colour },
  })
    .png()
    .toBuffer();
  return { input, left: box.left, top: box.top };
}

function glyph(size: number): Box[] {
  const pageWidth = Math.round(size * 0.4);
  const pageHeight = Math.round(size * 0.52);
  const left = Math.round((size - pageWidth) / 2);
  const top = Math.round((size - pageHeight) / 2);
  const edge = Math.max(2, Math.round(size / 100));
  const boxes: Box[] = [
    {
      left: left - edge,
      top: top - edge,
      width: pageWidth + 2 * edge,
      height: pageHeight + 2 * edge,
      colour: PAGE_EDGE,
    },
    { left, top, width: pageWidth, height: pageHeight, colour: PAGE },
  ];
  const margin = Math.round(pageWidth * 0.15);
  const lineHeight = Math.max(2, Math.round(size / 64));
  for (let i = 0; i < 6; i++) {
    const width = i === 5 ? Math.round((pageWidth - 2 * margin) * 0.6) : pageWidth - 2 * margin;
    const lineTop = top + margin + i * Math.round(pageHeight / 8);
    boxes.push({ left: left + margin, top: lineTop, width, height: lineHeight, colour: TEXT_LINE });
  }
  return boxes;
}

let cached: Promise<EncodedPreview> | undefined;

/** The placeholder preview, drawn once per process and then reused. */
export function genericVeiledTile(): Promise<EncodedPreview> {
  cached ??= (async () => {
    const size = GENERIC_TILE_SIZE;
    const overlays = await Promise.all(glyph(size).map(block));
    const bytes = await sharp({
      create: { width: size, height: size, channels: 3, background: BACKGROUND },
    })
      .composite(overlays)
      .png()
      .toBuffer();
    return { bytes, mime: 'image/png', width: size, height: size };
  })();
  return cached;
}
