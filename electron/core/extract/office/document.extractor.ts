// Office documents (DOCX and ODT): both are ZIPs of XML parts. The body's text in reading order,
// the core properties as facts (creation time as event time), hyperlinks as text, and the images
// and embedded files the package holds as children. Macros and embedded objects are never run.
import { ChildBudget } from '../child-budget.ts';
import { emptyResult } from '../extract-result.ts';
import type { ExtractLimits, ExtractResult, Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { readZipMembers } from '../zip-members.ts';
import type { ZipMember } from '../zip-members.ts';
import { docxBody, externalTargets } from './docx-text.ts';
import { odtBody } from './odt-text.ts';
import { xmlFields } from './xml-events.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT_MIME = 'application/vnd.oasis.opendocument.text';

const DOCX_PROPERTIES = {
  'dc:title': 'title',
  'dc:subject': 'subject',
  'dc:creator': 'author',
  'cp:keywords': 'keywords',
  'dc:description': 'description',
  'cp:lastModifiedBy': 'lastModifiedBy',
  'cp:revision': 'revision',
  'dcterms:created': 'createdAt',
  'dcterms:modified': 'modifiedAt',
};
const ODT_PROPERTIES = {
  'dc:title': 'title',
  'dc:subject': 'subject',
  'meta:initial-creator': 'author',
  'dc:creator': 'lastModifiedBy',
  'meta:keyword': 'keywords',
  'dc:description': 'description',
  'meta:creation-date': 'createdAt',
  'dc:date': 'modifiedAt',
  'meta:generator': 'generator',
};

/** Package parts that are files of their own: images, embedded documents. */
const EMBEDDED = /^(?:word\/media\/|word\/embeddings\/|Pictures\/|Objects? ?\d*\/)/;

export const extractDocument: Extractor = async (source, limits) => {
  const zip = await readZipMembers(await bytesOf(source), limits);
  const part = (name: string) => zip.members.find((m) => m.name === name);
  const text = (m: ZipMember | undefined) => (m ? Buffer.from(m.bytes).toString('utf8') : null);
  const result = emptyResult('document');
  let lines: string[];
  let properties: Record<string, string>;
  const document = text(part('word/document.xml'));
  const content = text(part('content.xml'));
  if (document !== null) {
    result.mime = DOCX_MIME;
    const body = docxBody(document);
    const targets = externalTargets(text(part('word/_rels/document.xml.rels')) ?? '');
    lines = body.lines;
    result.links = unique(body.linkIds.map((id) => targets.get(id) ?? '').filter(Boolean));
    properties = xmlFields(text(part('docProps/core.xml')) ?? '', DOCX_PROPERTIES);
    const app = xmlFields(text(part('docProps/app.xml')) ?? '', { Application: 'application' });
    Object.assign(properties, app);
    if (zip.members.some((m) => m.name === 'word/vbaProject.bin')) result.facts['hasMacros'] = true;
  } else if (content !== null) {
    result.mime = ODT_MIME;
    const body = odtBody(content);
    lines = body.lines;
    result.links = unique(body.links);
    properties = xmlFields(text(part('meta.xml')) ?? '', ODT_PROPERTIES);
  } else {
    throw new Error('the document holds neither word/document.xml nor content.xml');
  }
  Object.assign(result.facts, properties);
  result.eventAt = isoOrNull(properties['createdAt']);
  finish(result, lines, zip.members, limits, zip.skipped.length);
  return result;
};

function finish(
  result: ExtractResult,
  lines: string[],
  members: ZipMember[],
  limits: ExtractLimits,
  skipped: number,
) {
  const joined = lines.join('\n');
  result.text = joined.slice(0, limits.maxTextChars);
  result.encoding = 'UTF-8';
  const budget = new ChildBudget(result.children, limits);
  for (const m of members) {
    if (EMBEDDED.test(m.name)) budget.add(m.name, m.bytes, m.modifiedAt);
  }
  const problems = [
    joined.length > limits.maxTextChars ? 'text cut at the size limit' : null,
    budget.note(),
    skipped > 0 ? `${skipped} package parts left out: over the limits or encrypted` : null,
  ].filter((p): p is string => p !== null);
  result.damaged = problems.length > 0 ? problems.join('; ') : null;
}

const unique = (values: string[]) => [...new Set(values)];

function isoOrNull(raw: string | undefined): string | null {
  const t = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
