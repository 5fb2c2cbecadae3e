// Custody entries for people: one sentence each, in the report's language; the raw entries go to
// the appendix. Times on one line, UTC first with the workstation's local time beside it.
import type { CustodyEntry } from '../custody/entry.ts';
import { escapeHtml } from './report-escape.ts';
import type { ReportWords } from './report-words.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-01 14:30:05 UTC (15:30 local)", never broken across lines. */
export function when(iso: string, w: ReportWords): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return `<span class="when">${escapeHtml(iso)}</span>`;
  const utc = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
  const sameDay = d.getDate() === d.getUTCDate();
  const local = `${sameDay ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `}${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `<span class="when"><bdi>${utc}</bdi> <span class="muted">(<bdi>${local}</bdi> ${escapeHtml(w.local)})</span></span>`;
}

export function historySentences(entries: readonly CustodyEntry[], w: ReportWords): string {
  if (!entries.length) return `<p class="muted">${escapeHtml(w.noEntries)}</p>`;
  const rows = entries
    .map(
      (e) =>
        `<li>${when(e.at, w)} — <bdi>${escapeHtml(w.sentence(e.action, e.actor, e.details))}</bdi></li>`,
    )
    .join('\n');
  return `<ul class="history">${rows}</ul>`;
}
