// PDF: text per page (each page opened by a marker line, so a quoted line can cite its page),
// document metadata, links as text, every page rendered to a veiled frame, and what it carries
// (embedded files, painted images) as child items. Nothing in the file is run or followed.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ChildBudget } from '../child-budget.ts';
import { emptyResult } from '../extract-result.ts';
import type { ExtractResult, ExtractLimits, Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { PdfPasswordRequired, openPdf } from './pdf-document.ts';
import { pdfFacts } from './pdf-facts.ts';
import { pageImages } from './pdf-images.ts';
import { pageFrame } from './pdf-page-frame.ts';
import { pageLines } from './pdf-text-lines.ts';
import type { TextRun } from './pdf-text-lines.ts';

/** The line that opens page `page` of `count` in the text layer. */
export const pageMarker = (page: number, count: number) => `[page ${page}/${count}]`;

/** Rendering stops here (each page is a full image pipeline); text is read from every page. */
export const MAX_RENDERED_PAGES = 300;

export const extractPdf: Extractor = async (source, limits) => {
  const result = emptyResult('pdf');
  result.mime = 'application/pdf';
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(await bytesOf(source));
  } catch (error) {
    if (!(error instanceof PdfPasswordRequired)) throw error;
    result.flags.push('encrypted');
    result.damaged = error.message;
    return result;
  }
  try {
    await readDocument(doc, result, limits);
  } finally {
    await doc.loadingTask.destroy();
  }
  return result;
};

async function readDocument(doc: PDFDocumentProxy, result: ExtractResult, limits: ExtractLimits) {
  const { facts, createdAt } = await pdfFacts(doc);
  result.facts = facts;
  result.eventAt = createdAt;
  const children = new ChildBudget(result.children, limits);
  await addAttachments(doc, children);
  const lines: string[] = [];
  const pageStarts: number[] = [];
  const problems: string[] = [];
  const links = new Set<string>();
  for (let n = 1; n <= doc.numPages; n++) {
    pageStarts.push(lines.length + 1);
    lines.push(pageMarker(n, doc.numPages));
    try {
      const page = await doc.getPage(n);
      lines.push(...(await readPage(page, links, result, children)));
      if (n <= MAX_RENDERED_PAGES) result.frames.push(await pageFrame(page));
      page.cleanup();
    } catch (error) {
      problems.push(`page ${n}: ${reason(error)}`);
    }
  }
  result.facts['pageLines'] = pageStarts;
  if (doc.numPages > MAX_RENDERED_PAGES) result.facts['renderedPages'] = MAX_RENDERED_PAGES;
  result.links = [...links];
  const text = lines.join('\n');
  result.text = text.length > limits.maxTextChars ? text.slice(0, limits.maxTextChars) : text;
  result.encoding = 'UTF-8';
  if (text.length > limits.maxTextChars) problems.push('text cut at the size limit');
  const left = children.note();
  if (left) problems.push(left);
  result.damaged = problems.length > 0 ? problems.join('; ') : null;
}

async function readPage(
  page: PDFPageProxy,
  links: Set<string>,
  result: ExtractResult,
  children: ChildBudget,
): Promise<string[]> {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    runs.push({
      str: item.str,
      dir: item.dir,
      x: item.transform[4] as number,
      hasEOL: item.hasEOL,
    });
  }
  for (const annotation of (await page.getAnnotations()) as Annotation[]) {
    const url = annotation.unsafeUrl ?? annotation.url;
    if (typeof url === 'string' && url !== '') links.add(url);
    if (annotation.actions && Object.keys(annotation.actions).length > 0) {
      result.facts['hasScripts'] = true;
    }
    if (annotation.subtype === 'FileAttachment' && annotation.file?.content) {
      children.add(`attachments/${annotation.file.filename}`, annotation.file.content);
    }
  }
  const images = await pageImages(page);
  images.forEach((png, i) => children.add(`images/page-${page.pageNumber}-${i + 1}.png`, png));
  return pageLines(runs);
}

interface Annotation {
  subtype?: string;
  url?: string;
  unsafeUrl?: string;
  actions?: Record<string, unknown> | Map<string, unknown>;
  file?: { filename: string; content?: Uint8Array };
}

async function addAttachments(doc: PDFDocumentProxy, children: ChildBudget): Promise<void> {
  const attachments = await doc.getAttachments();
  if (!attachments) return;
  for (const [id, attachment] of attachments) {
    const content = attachment.content ?? (await doc.getAttachmentContent(id));
    if (content) children.add(`attachments/${attachment.filename}`, content);
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
