// The report's one style sheet. Its SHA-256 goes into the page's CSP, so it is the only style the
// page will apply: no inline style attributes anywhere. System Noto fonts cover Latin, Cyrillic,
// Arabic and Persian (Debian fonts-noto-core; see docs/formats/packet.md).
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
:root { color: #1d2327; background: #fff; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif;
  font-size: 10pt; line-height: 1.45; margin: 0; }
h1 { font-size: 20pt; font-weight: 600; margin: 0 0 4mm; }
h2 { font-size: 13pt; font-weight: 600; margin: 8mm 0 3mm; border-bottom: 1px solid #c5cbd0;
  padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; font-weight: 600; margin: 0 0 2mm; overflow-wrap: anywhere; }
.cover { break-after: page; }
.cover .lede { color: #50575e; margin-bottom: 8mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm; margin: 0; }
dl.facts dt { color: #50575e; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.mono, code { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 8.5pt;
  overflow-wrap: anywhere; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { text-align: start; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #e1e4e6; }
th { font-weight: 600; color: #3c434a; background: #f3f5f6; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.hashes .mono { font-size: 7.5pt; }
.item { break-inside: avoid-page; border: 1px solid #dcdfe2; border-radius: 2mm; padding: 4mm;
  margin: 0 0 5mm; }
.item .thumb { float: inline-end; width: 28mm; height: auto; margin: 0 0 2mm 4mm;
  border: 1px solid #c5cbd0; }
.note { border-inline-start: 2px solid #8c959f; padding: 1mm 3mm; margin: 1.5mm 0;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: #646970; }
.when { white-space: nowrap; }
ul.history { list-style: none; padding: 0; margin: 0 0 3mm; font-size: 9pt; }
ul.history li { margin: 0.8mm 0; }
.tallies { display: flex; gap: 6mm; flex-wrap: wrap; }
.tallies table { width: auto; min-width: 50mm; }
.hashes .thumb { float: none; display: block; width: 16mm; margin: 0 0 1mm; }
.appendix { break-before: page; font-size: 8.5pt; }
.raw td { font-size: 7.5pt; }
.clear { clear: both; }
footer { margin-top: 10mm; color: #646970; font-size: 8.5pt; }
`;

export const REPORT_CSS_HASH = `sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}`;
