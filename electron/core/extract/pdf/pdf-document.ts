// Opening a PDF with pdf.js under our rules: bytes only (no URL, so nothing is ever fetched), no
// XFA (pdf.js 6 has no eval path left to disable), no system fonts, no scripting (pdf.js runs a document's JavaScript only through
// the viewer's sandbox, which we never create). Fonts, CMaps and decoders come from the package.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;
let loaded: Promise<PdfJs> | undefined;

/** pdf.js, loaded on first use: it costs a few hundred milliseconds the image path never needs. */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

const packageDir = dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/package.json')));
const folder = (name: string) => `${join(packageDir, name)}/`;

/** Thrown by pdf.js for a password-protected document we cannot open. */
export class PdfPasswordRequired extends Error {}

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given, and refuses a Buffer: hand
    // it a plain copy.
    data: new Uint8Array(data),
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
  });
  try {
    return await task.promise;
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new PdfPasswordRequired('the PDF is encrypted with a password');
    }
    throw error;
  }
}
