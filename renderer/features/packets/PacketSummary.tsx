// What the packet will hold, without unveiling anything: counts by category and severity, what the
// files say about location, and a strip of veiled thumbnails. The rendered report is not previewed
// here (building it means rendering a PDF); it is written into the packet.
import { FormattedMessage, useIntl } from 'react-intl';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { formatBytes } from '../../base/i18n.ts';
import { categoryLabel, severityLabel } from '../../base/domain-labels.ts';
import { useTriage } from '../triage/triage.store.ts';
import { veiledThumb } from '../evidence/previews.ts';
import { FileName } from '../../components/FileName.tsx';

const STRIP = 12;

export function PacketSummary({ items }: { items: readonly ItemSummary[] | null }) {
  const categories = useTriage((s) => s.categories);
  const intl = useIntl();
  const t = intl.formatMessage;
  if (items === null)
    return (
      <p className="muted">
        <FormattedMessage id="packets.summary.counting" defaultMessage="Counting the items…" />
      </p>
    );
  const byCategory = new Map<string, number>();
  const bySeverity = new Map<number, number>();
  for (const i of items) {
    const known = i.category ? categories.find((c) => c.code === i.category) : undefined;
    const label = i.category
      ? known
        ? categoryLabel(intl, known)
        : i.category
      : t({ id: 'evidence.filter.untriaged', defaultMessage: 'Untriaged' });
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
        <FormattedMessage id="packets.summary.title" defaultMessage="What goes in" />
      </h2>
      <p>
        <FormattedMessage
          id="packets.summary.lead"
          defaultMessage="<strong>{items, plural, one {# item} other {# items}}</strong>, {size} of originals.{located, plural, =0 {} one { # file records a location.} other { # files record a location.}}"
          values={{
            items: items.length,
            size: formatBytes(intl, bytes),
            located,
            strong: (chunks) => <strong data-testid="packet-item-count">{chunks}</strong>,
          }}
        />
      </p>
      <dl className="facts packet-counts">
        {[...byCategory].map(([label, n]) => (
          <div key={label} className="packet-count">
            <dt>{label}</dt>
            <dd>{intl.formatNumber(n)}</dd>
          </div>
        ))}
        {[...bySeverity]
          .sort(([a], [b]) => b - a)
          .map(([s, n]) => (
            <div key={s} className="packet-count">
              <dt>
                <FormattedMessage
                  id="packets.summary.severity"
                  defaultMessage="Severity {severity} ({label})"
                  values={{ severity: s, label: severityLabel(intl, s) }}
                />
              </dt>
              <dd>{intl.formatNumber(n)}</dd>
            </div>
          ))}
      </dl>
      {items.length > 0 && (
        <ul
          className="packet-strip"
          aria-label={t({
            id: 'packets.summary.strip',
            defaultMessage: 'Veiled thumbnails of the first items',
          })}
        >
          {items.slice(0, STRIP).map((i) => (
            <li key={i.id}>
              <img src={veiledThumb(i.id)} alt="" loading="lazy" />
              <FileName name={i.originalName} truncate className="packet-strip-name" />
            </li>
          ))}
          {items.length > STRIP && (
            <li className="muted packet-strip-more">
              <FormattedMessage
                id="packets.summary.more"
                defaultMessage="and {count, number} more"
                values={{ count: items.length - STRIP }}
              />
            </li>
          )}
        </ul>
      )}
      <p className="muted">
        <FormattedMessage
          id="packets.summary.report"
          defaultMessage="The report itself (HTML and PDF: cover sheet, item table with hashes, metadata, notes and custody history) is written into the packet. It is not previewed here, to keep this screen light and veiled."
        />
      </p>
    </section>
  );
}
