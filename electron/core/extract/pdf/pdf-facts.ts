// A PDF's document information as facts shown beside its text, and its dates as ISO-8601 UTC.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** PDF date strings (ISO 32000 7.9.4): D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional. */
export function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(
      raw.trim(),
    );
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const offsetMinutes =
    sign === '+' || sign === '-' ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(utc)) return null;
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

const INFO_FIELDS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;

export interface PdfFacts {
  facts: Record<string, unknown>;
  createdAt: string | null;
}

export async function pdfFacts(doc: PDFDocumentProxy): Promise<PdfFacts> {
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const facts: Record<string, unknown> = { pages: doc.numPages };
  for (const field of INFO_FIELDS) {
    const value = info[field];
    if (typeof value === 'string' && value.trim() !== '') facts[field.toLowerCase()] = value;
  }
  const createdAt = pdfDate(info['CreationDate']);
  const modifiedAt = pdfDate(info['ModDate']);
  if (createdAt) facts['createdAt'] = createdAt;
  if (modifiedAt) facts['modifiedAt'] = modifiedAt;
  if (typeof info['PDFFormatVersion'] === 'string') facts['pdfVersion'] = info['PDFFormatVersion'];
  if (typeof info['Language'] === 'string') facts['language'] = info['Language'];
  // Present, never run: the reviewer should know a document carries them.
  facts['hasForm'] = info['IsAcroFormPresent'] === true || info['IsXFAPresent'] === true;
  facts['hasScripts'] = (await doc.getJSActions()) !== null;
  return { facts, createdAt };
}
