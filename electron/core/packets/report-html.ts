// report.html: the packet's human-readable report, and the source of report.pdf. Every filename,
// note, title and metadata string is hostile text: escaped, and isolated with <bdi> or dir="auto"
// so Arabic and Persian run right to left without reordering the text around them. No script, a
// CSP that allows only its own style sheet and data: images, nothing fetched.
import type { CustodyEntry } from '../custody/entry.ts';
import { canonicalJson } from '../custody/canonical.ts';
import type { Manifest, ManifestItem } from './manifest.ts';
import { REPORT_CSS, REPORT_CSS_HASH } from './report-style.ts';
import { gpsText } from '../../../shared/domain/gps-text.ts';

/** Everything in the manifest that the report shows: it is written before the file list exists. */
export type ReportData = Omit<Manifest, 'files' | 'custody'>;

export interface ReportExtras {
  /** Custody entries up to the export, per item id; case-level entries under the case id. */
  history: readonly CustodyEntry[];
  /** Veiled thumbnails, only when the packet includes them. */
  thumbnails: ReadonlyMap<string, { mime: string; data: Buffer }>;
}

const THUMB_MIMES = new Set(['image/webp', 'image/jpeg', 'image/png']);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** User text inline: escaped and direction-isolated. */
const t = (s: string | null | undefined): string =>
  s === null || s === undefined || s === ''
    ? '<span class="muted">—</span>'
    : `<bdi>${escapeHtml(s)}</bdi>`;
const mono = (s: string) => `<span class="mono">${escapeHtml(s)}</span>`;
const when = (iso: string) => escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'));

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u] ?? ''} (${n.toLocaleString('en')} bytes)`;
}

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function cover(d: ReportData): string {
  const c = d.case;
  return `<section class="cover">
<h1>Evidence packet</h1>
<p class="lede">Prepared with ${escapeHtml(d.tool.name)} ${escapeHtml(d.tool.version)}. The files, hashes and custody records in this packet are signed; check them with <code>custody verify</code> (see the last page).</p>
${facts([
  ['Agency', t(d.agency)],
  ['Reference', t(d.reference)],
  ['Case', `${t(c.title)} <span class="mono">(${escapeHtml(c.id)})</span>`],
  ['Kind', `${escapeHtml(c.kind)}${c.emergency ? ' — <strong>emergency</strong>' : ''}`],
  ['External references', c.externalRefs.length ? c.externalRefs.map(t).join('<br>') : t(null)],
  ['Case opened', when(c.createdAt)],
  ['Prepared by', t(d.creator)],
  ['Prepared at', when(d.createdAt)],
  ['Packet id', mono(d.packetId)],
  ['Items', String(d.items.length)],
  ['Originals included', d.contents.originals ? 'yes, under evidence/' : 'no (hashes only)'],
  ['Signing key fingerprint (SHA-256)', mono(d.signer.fingerprint)],
])}
</section>`;
}

function summary(d: ReportData): string {
  const counts = new Map<string, number>();
  for (const i of d.items) {
    const labels = i.categories.length
      ? i.categories.map((c) => `${c.scheme} ${c.code}: ${c.label}`)
      : ['Not categorised'];
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const total = d.items.reduce((n, i) => n + i.size, 0);
  const rows = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, n]) => `<tr><td>${t(label)}</td><td>${n}</td></tr>`)
    .join('');
  return `<section><h2>Summary</h2>
<p>${d.items.length} item${d.items.length === 1 ? '' : 's'}, ${escapeHtml(bytes(total))} in all.</p>
<table><thead><tr><th>Category</th><th>Items</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function hashTable(items: readonly ManifestItem[]): string {
  const rows = items
    .map(
      (
        i,
        n,
      ) => `<tr><td>${n + 1}</td><td>${t(i.originalName)}<br><span class="muted">${escapeHtml(i.mime)}, ${escapeHtml(bytes(i.size))}</span></td>
<td><span class="mono">SHA-256 ${escapeHtml(i.sha256)}<br>SHA-1 ${escapeHtml(i.sha1)}<br>MD5 ${escapeHtml(i.md5)}${i.pdq ? `<br>PDQ ${escapeHtml(i.pdq)} (quality ${i.pdqQuality ?? '?'})` : ''}</span></td></tr>`,
    )
    .join('\n');
  return `<section><h2>Items and hashes</h2>
<table class="hashes"><thead><tr><th>#</th><th>File</th><th>Hashes</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function metadataRows(i: ManifestItem): [string, string][] {
  const m = i.metadata;
  const rows: [string, string][] = [];
  if (m) {
    rows.push(['Image', `${escapeHtml(m.format)}, ${m.width} × ${m.height}`]);
    if (m.camera) rows.push(['Camera', t(m.camera)]);
    if (m.capturedAt) rows.push(['Captured (per file metadata)', t(m.capturedAt)]);
    if (m.gps) rows.push(['GPS (per file metadata)', mono(gpsText(m.gps))]);
  }
  return rows;
}

function historyTable(entries: readonly CustodyEntry[]): string {
  if (!entries.length) return '<p class="muted">No custody entries.</p>';
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${e.seq}</td><td>${when(e.at)}</td><td>${t(e.actor)}</td><td>${escapeHtml(e.action)}</td><td><span class="mono">${Object.keys(e.details).length ? escapeHtml(canonicalJson(e.details)) : ''}</span></td></tr>`,
    )
    .join('\n');
  return `<table class="history"><thead><tr><th>#</th><th>Time</th><th>Actor</th><th>Action</th><th>Details</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function notes(list: readonly { body: string; createdAt: string }[]): string {
  return list
    .map(
      (n) =>
        `<div class="note" dir="auto">${escapeHtml(n.body)}</div><div class="muted">${when(n.createdAt)}</div>`,
    )
    .join('\n');
}

function itemSection(i: ManifestItem, n: number, x: ReportExtras): string {
  const thumb = x.thumbnails.get(i.id);
  const img =
    thumb && THUMB_MIMES.has(thumb.mime)
      ? `<img class="thumb" alt="Veiled preview" src="data:${thumb.mime};base64,${thumb.data.toString('base64')}">`
      : '';
  const rows: [string, string][] = [
    ['Item id', mono(i.id)],
    ['Type', `${escapeHtml(i.mime)} (${escapeHtml(i.kind)})`],
    ['Size', escapeHtml(bytes(i.size))],
    ['In this packet', i.evidence ? t(i.evidence) : 'hashes only'],
    ...metadataRows(i),
    [
      'Acquired',
      i.acquisitions.map((a) => `${when(a.acquiredAt)} from ${t(a.sourcePath)}`).join('<br>') ||
        t(null),
    ],
    [
      'Categories',
      i.categories.length
        ? i.categories.map((c) => t(`${c.scheme} ${c.code}: ${c.label}`)).join(', ')
        : t(null),
    ],
    ['Severity', i.severity === null ? t(null) : String(i.severity)],
  ];
  if (i.tags.length) rows.push(['Tags', i.tags.map(t).join(', ')]);
  if (i.flags.length) rows.push(['Flags', escapeHtml(i.flags.join(', '))]);
  const history = x.history.filter((e) => e.itemId === i.id);
  return `<article class="item">${img}
<h3>${n + 1}. ${t(i.originalName)}</h3>
${facts(rows)}
${i.notes.length ? `<h4>Notes</h4>${notes(i.notes)}` : ''}
<div class="clear"></div>
<h4>Custody history</h4>
${historyTable(history)}
</article>`;
}

function verifyHelp(d: ReportData): string {
  return `<footer><h2>Checking this packet</h2>
<p>Run <code>custody verify PACKET.zip --key ${escapeHtml(d.signer.fingerprint)}</code>, having confirmed the fingerprint with the sender by a separate channel. Without the tool: <code>unzip</code> the packet and compare each file's <code>sha256sum</code> with the <code>files</code> list in <code>manifest.json</code>; <code>manifest.sig</code> holds the Ed25519 signature of <code>manifest.json</code>. The custody entries in the manifest each carry a proof of inclusion in the signed checkpoint of the sender's custody log.</p>
</footer>`;
}

export function renderReportHtml(d: ReportData, x: ReportExtras): string {
  const csp = `default-src 'none'; img-src data:; style-src '${REPORT_CSS_HASH}'; base-uri 'none'; form-action 'none'`;
  const caseHistory = x.history.filter((e) => e.itemId === null);
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>Evidence packet ${escapeHtml(d.packetId)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${cover(d)}
${summary(d)}
${d.case.notes.length ? `<section><h2>Case notes</h2>${notes(d.case.notes)}</section>` : ''}
${hashTable(d.items)}
<section><h2>Items</h2>
${d.items.map((i, n) => itemSection(i, n, x)).join('\n')}
</section>
<section><h2>Case custody history</h2>
<p class="muted">Entries about the case as a whole, up to this export. manifest.json carries these and each item's entries with proofs of inclusion in the signed log checkpoint.</p>
${historyTable(caseHistory)}
</section>
${verifyHelp(d)}
</body>
</html>
`;
}
