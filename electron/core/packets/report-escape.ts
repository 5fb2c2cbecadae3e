// HTML escaping for the report: every filename, note, title and metadata string is hostile text.
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** User text inline: escaped and direction-isolated (Arabic and Persian run right to left). */
export const t = (s: string | null | undefined): string =>
  s === null || s === undefined || s === ''
    ? '<span class="muted">—</span>'
    : `<bdi>${escapeHtml(s)}</bdi>`;

export const mono = (s: string) => `<span class="mono">${escapeHtml(s)}</span>`;
