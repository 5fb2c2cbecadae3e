// What the packet will hold, without unveiling anything: counts by category and severity, what the
// files say about location, and a strip of veiled thumbnails. The rendered report is not previewed
// here (building it means rendering a PDF); it is written into the packet.
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { severityLabels } from '../../../shared/domain/triage.ts';
import { formatBytes, plural } from '../../base/i18n.ts';
import { useTriage } from '../triage/triage.store.ts';
import { veiledThumb } from '../evidence/previews.ts';
import { FileName } from '../../components/FileName.tsx';

const STRIP = 12;

export function PacketSummary({ items }: { items: readonly ItemSummary[] | null }) {
  const categories = useTriage((s) => s.categories);
  if (items === null) return <p className="muted">Counting the items…</p>;
  const byCategory = new Map<string, number>();
  const bySeverity = new Map<number, number>();
  for (const i of items) {
    const label = i.category
      ? (categories.find((c) => c.code === i.category)?.label ?? i.category)
      : 'Untriaged';
    byCategory.set(label, (byCategory.get(label) ?? 0) + 1);
    if (i.severity !== null) bySeverity.set(i.severity, (bySeverity.get(i.severity) ?? 0) + 1);
  }
  const located = items.filter((i) => i.flags.includes('gps')).length;
  const bytes = items.reduce((n, i) => n + i.size, 0);
  return (
    <section
      className="packet-summary"
      aria-labelledby="summary-title"
      data-testid="packet-summary"
    >
      <h2 id="summary-title" className="section-title">
        What goes in
      </h2>
      <p>
        <strong data-testid="packet-item-count">{plural(items.length, 'item', 'items')}</strong>,{' '}
        {formatBytes(bytes)} of originals.
        {located > 0 && ` ${plural(located, 'file records', 'files record')} a location.`}
      </p>
      <dl className="facts packet-counts">
        {[...byCategory].map(([label, n]) => (
          <div key={label} className="packet-count">
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
        {[...bySeverity]
          .sort(([a], [b]) => b - a)
          .map(([s, n]) => (
            <div key={s} className="packet-count">
              <dt>
                Severity {s} ({severityLabels[s]})
              </dt>
              <dd>{n}</dd>
            </div>
          ))}
      </dl>
      {items.length > 0 && (
        <ul className="packet-strip" aria-label="Veiled thumbnails of the first items">
          {items.slice(0, STRIP).map((i) => (
            <li key={i.id}>
              <img src={veiledThumb(i.id)} alt="" loading="lazy" />
              <FileName name={i.originalName} truncate className="packet-strip-name" />
            </li>
          ))}
          {items.length > STRIP && (
            <li className="muted packet-strip-more">and {items.length - STRIP} more</li>
          )}
        </ul>
      )}
      <p className="muted">
        The report itself (HTML and PDF: cover sheet, item table with hashes, metadata, notes and
        custody history) is written into the packet. It is not previewed here, to keep this screen
        light and veiled.
      </p>
    </section>
  );
}
