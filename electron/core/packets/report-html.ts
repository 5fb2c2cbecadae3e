// report.html: the packet's report for the people who receive it (and the source of report.pdf).
// The main body speaks in labels, words and sentences, in the packet's report language; Custody's
// own ids and the raw custody entries are in the appendix. Every filename, note, title and
// metadata string is hostile text: escaped and direction-isolated. No script; a CSP that allows
// only its own style sheet and data: images; nothing fetched.
import type { CustodyEntry } from '../custody/entry.ts';
import { canonicalJson } from '../custody/canonical.ts';
import type { Manifest, ManifestItem } from './manifest.ts';
import { REPORT_CSS, REPORT_CSS_HASH } from './report-style.ts';
import { escapeHtml, mono, t } from './report-escape.ts';
import { historySentences, when } from './report-history.ts';
import { isRtl, reportWords, type ReportLang, type ReportWords } from './report-words.ts';
import { gpsText } from '../../../shared/domain/gps-text.ts';
import type { CaseKind } from '../../../shared/domain/case.ts';

export { escapeHtml } from './report-escape.ts';

/** Everything in the manifest that the report shows: it is written before the file list exists. */
export type ReportData = Omit<Manifest, 'files' | 'custody'>;

export interface ReportExtras {
  /** Custody entries up to the export, per item id; case-level entries under the case id. */
  history: readonly CustodyEntry[];
  /** Veiled thumbnails, only when the packet includes them. */
  thumbnails: ReadonlyMap<string, { mime: string; data: Buffer }>;
  /** The report's language; English by default. */
  lang?: ReportLang | undefined;
}

const THUMB_MIMES = new Set(['image/webp', 'image/jpeg', 'image/png']);

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u] ?? ''}`;
}

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

const kindLabel = (kind: string, w: ReportWords) => w.kinds[kind as CaseKind] ?? kind;
const severityWord = (s: number | null, w: ReportWords) =>
  s === null ? w.noSeverity : (w.severity[s as 1 | 2 | 3 | 4 | 5] ?? String(s));
/** A category as people read it: its label; a scheme other than Custody's own is named with it. */
const categoryLabel = (c: { scheme: string; code: string; label: string }) =>
  c.scheme === 'custody' ? c.label : `${c.label} (${c.scheme} ${c.code})`;
const categoriesOf = (i: ManifestItem, w: ReportWords) =>
  i.categories.length ? i.categories.map(categoryLabel) : [w.uncategorised];

function cover(d: ReportData, w: ReportWords): string {
  const c = d.case;
  return `<section class="cover">
<h1>${escapeHtml(w.title)}</h1>
<p class="lede">${escapeHtml(w.lede(`${d.tool.name} ${d.tool.version}`))}</p>
${facts([
  [w.agency, t(d.agency)],
  [w.reference, t(d.reference)],
  [w.caseTitle, t(c.title)],
  [
    w.kind,
    `${escapeHtml(kindLabel(c.kind, w))}${c.emergency ? ` — <strong>${escapeHtml(w.emergency)}</strong>` : ''}`,
  ],
  [w.externalRefs, c.externalRefs.length ? c.externalRefs.map(t).join('<br>') : t(null)],
  [w.caseOpened, when(c.createdAt, w)],
  [w.preparedBy, t(d.creator)],
  [w.preparedAt, when(d.createdAt, w)],
  [w.packetId, mono(d.packetId)],
  [w.items, String(d.items.length)],
  [w.originals, escapeHtml(d.contents.originals ? w.originalsYes : w.originalsNo)],
  [w.fingerprint, mono(d.signer.fingerprint)],
])}
</section>`;
}

function countTable(title: string, counts: Map<string, number>, w: ReportWords): string {
  const rows = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, n]) => `<tr><td>${t(label)}</td><td>${n}</td></tr>`)
    .join('');
  return `<table class="counts"><thead><tr><th>${escapeHtml(title)}</th><th>${escapeHtml(w.count)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function tally(items: readonly ManifestItem[], key: (i: ManifestItem) => string[]) {
  const m = new Map<string, number>();
  for (const i of items) for (const k of key(i)) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function summary(d: ReportData, w: ReportWords): string {
  const total = d.items.reduce((n, i) => n + i.size, 0);
  return `<section><h2>${escapeHtml(w.summary)}</h2>
<p>${escapeHtml(w.itemCount(d.items.length, bytes(total)))}</p>
<div class="tallies">
${countTable(
  w.byCategory,
  tally(d.items, (i) => categoriesOf(i, w)),
  w,
)}
${countTable(
  w.bySeverity,
  tally(d.items, (i) => [severityWord(i.severity, w)]),
  w,
)}
${countTable(
  w.byKind,
  tally(d.items, (i) => [w.itemKinds[i.kind] ?? i.kind]),
  w,
)}
</div></section>`;
}

function thumbOf(i: ManifestItem, x: ReportExtras): string {
  const thumb = x.thumbnails.get(i.id);
  return thumb && THUMB_MIMES.has(thumb.mime)
    ? `<img class="thumb" alt="" src="data:${thumb.mime};base64,${thumb.data.toString('base64')}">`
    : '';
}

function itemTable(items: readonly ManifestItem[], x: ReportExtras, w: ReportWords): string {
  const rows = items
    .map(
      (i, n) =>
        `<tr><td>${n + 1}</td><td>${thumbOf(i, x)}${t(i.originalName)}<br><span class="muted">${escapeHtml(i.mime)}, ${escapeHtml(bytes(i.size))}</span></td>
<td>${categoriesOf(i, w).map(t).join('<br>')}</td><td>${escapeHtml(severityWord(i.severity, w))}</td>
<td><span class="mono">SHA-256 ${escapeHtml(i.sha256)}<br>SHA-1 ${escapeHtml(i.sha1)}<br>MD5 ${escapeHtml(i.md5)}${i.pdq ? `<br>PDQ ${escapeHtml(i.pdq)}` : ''}</span></td></tr>`,
    )
    .join('\n');
  return `<section><h2>${escapeHtml(w.itemTable)}</h2>
<table class="hashes"><thead><tr><th>#</th><th>${escapeHtml(w.file)}</th><th>${escapeHtml(w.category)}</th><th>${escapeHtml(w.severityLabel)}</th><th>${escapeHtml(w.hashes)}</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function metadataRows(i: ManifestItem, w: ReportWords): [string, string][] {
  const m = i.metadata;
  const rows: [string, string][] = [];
  if (m?.camera) rows.push([w.camera, t(m.camera)]);
  if (m?.capturedAt) rows.push([w.captured, t(m.capturedAt)]);
  if (m?.gps) rows.push([w.gps, mono(gpsText(m.gps))]);
  return rows;
}

/** Each line of a note its own paragraph and direction: a quote of Arabic lines under an English
 * lead reads right to left line by line, in logical order. */
function notes(list: readonly { body: string; createdAt: string }[], w: ReportWords): string {
  const paragraphs = (body: string) =>
    body
      .split('\n')
      .map((line) => `<div dir="auto">${escapeHtml(line) || '&nbsp;'}</div>`)
      .join('');
  return list
    .map(
      (n) =>
        `<div class="note">${paragraphs(n.body)}</div><div class="muted">${when(n.createdAt, w)}</div>`,
    )
    .join('\n');
}

/** A child's parent, named when the packet carries it, else by its SHA-256. */
function foundIn(i: ManifestItem, d: ReportData): string | null {
  if (!i.parent) return null;
  const parent = d.items.find((p) => p.id === i.parent?.id);
  return `${t(i.parent.pathInParent)}, ${parent ? t(parent.originalName) : mono(i.parent.sha256)}`;
}

/** A full page only for an item with something to read: its notes. */
function itemPage(
  i: ManifestItem,
  n: number,
  d: ReportData,
  x: ReportExtras,
  w: ReportWords,
): string {
  const rows: [string, string][] = [
    [w.type, escapeHtml(`${i.mime}, ${bytes(i.size)}`)],
    ...metadataRows(i, w),
    [w.acquired, i.acquisitions.map((a) => when(a.acquiredAt, w)).join('<br>') || t(null)],
    [w.category, categoriesOf(i, w).map(t).join(', ')],
    [w.severityLabel, escapeHtml(severityWord(i.severity, w))],
  ];
  if (i.tags.length) rows.push([w.tags, i.tags.map(t).join(', ')]);
  const parent = foundIn(i, d);
  if (parent) rows.push([w.foundIn, parent]);
  if (i.text) rows.push([w.textFile, mono(i.text.path)]);
  return `<article class="item">
<h3>${n + 1}. ${t(i.originalName)}</h3>
${facts(rows)}
<h4>${escapeHtml(w.notes)}</h4>${notes(i.notes, w)}
<div class="clear"></div>
<h4>${escapeHtml(w.history)}</h4>
${historySentences(
  x.history.filter((e) => e.itemId === i.id),
  w,
)}
</article>`;
}

function rawEntries(entries: readonly CustodyEntry[]): string {
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${e.seq}</td><td class="mono">${escapeHtml(e.at)}</td><td>${t(e.actor)}</td><td class="mono">${escapeHtml(e.action)}</td><td class="mono">${escapeHtml(e.itemId ?? e.caseId ?? '')}</td><td><span class="mono">${Object.keys(e.details).length ? escapeHtml(canonicalJson(e.details)) : ''}</span></td></tr>`,
    )
    .join('\n');
  return `<table class="raw"><thead><tr><th>#</th><th>at</th><th>actor</th><th>action</th><th>subject</th><th>details</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function appendix(d: ReportData, x: ReportExtras, w: ReportWords): string {
  const ids = [['case', d.case.id], ...d.items.map((i, n) => [`${n + 1}`, i.id])]
    .map(
      ([k, v]) =>
        `<tr><td>${escapeHtml(k ?? '')}</td><td class="mono">${escapeHtml(v ?? '')}</td></tr>`,
    )
    .join('');
  return `<section class="appendix" id="appendix" lang="en" dir="ltr"><h2>${escapeHtml(w.appendix)}</h2>
<p class="muted">${escapeHtml(w.appendixLede)}</p>
<h3>${escapeHtml(w.idsTitle)}</h3>
<table class="ids"><tbody>${ids}</tbody></table>
<h3>${escapeHtml(w.rawEntries)}</h3>
${rawEntries(x.history)}
</section>`;
}

function verifyHelp(d: ReportData, w: ReportWords): string {
  return `<footer lang="en" dir="ltr"><h2>${escapeHtml(w.verifyTitle)}</h2>
<p>Run <code>custody verify PACKET.zip --key ${escapeHtml(d.signer.fingerprint)}</code>, having confirmed the fingerprint with the sender by a separate channel. Without the tool: <code>unzip</code> the packet and compare each file's <code>sha256sum</code> with the <code>files</code> list in <code>manifest.json</code>; <code>manifest.sig</code> holds the Ed25519 signature of <code>manifest.json</code>. The custody entries in the manifest each carry a proof of inclusion in the signed checkpoint of the sender's custody log.</p>
</footer>`;
}

export function renderReportHtml(d: ReportData, x: ReportExtras): string {
  const lang = x.lang ?? 'en';
  const w = reportWords[lang];
  const csp = `default-src 'none'; img-src data:; style-src '${REPORT_CSS_HASH}'; base-uri 'none'; form-action 'none'`;
  const caseHistory = x.history.filter((e) => e.itemId === null);
  const withNotes = d.items.flatMap((i, n) => (i.notes.length ? [{ i, n }] : []));
  return `<!doctype html>
<html lang="${lang}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(w.title)} ${escapeHtml(d.packetId)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${cover(d, w)}
${summary(d, w)}
${d.case.notes.length ? `<section><h2>${escapeHtml(w.caseNotes)}</h2>${notes(d.case.notes, w)}</section>` : ''}
${itemTable(d.items, x, w)}
${withNotes.length ? `<section><h2>${escapeHtml(w.detailPages)}</h2>\n${withNotes.map(({ i, n }) => itemPage(i, n, d, x, w)).join('\n')}\n</section>` : ''}
<section><h2>${escapeHtml(w.caseHistory)}</h2>
${historySentences(caseHistory, w)}
</section>
${appendix(d, x, w)}
${verifyHelp(d, w)}
</body>
</html>
`;
}
