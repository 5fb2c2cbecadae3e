// Beside the text: how it was read (encoding, with an override for plain text; the detected
// language), what the file says of itself (e-mail headers, page URL, PDF metadata), each fact
// labelled and its value formatted in the interface's language, its links as text (never
// clickable), and its child items, each opening in the item view behind its own veil.
import { FormattedMessage, useIntl } from 'react-intl';
import { useRoute } from '../../base/route.store.ts';
import { FileName } from '../../components/FileName.tsx';
import { formatBytes, languageName } from '../../base/i18n.ts';
import { EvidenceDate } from '../../components/EvidenceDate.tsx';
import { factLabel, HIDDEN_FACTS, type FactFormat } from './fact-labels.ts';
import { useReading } from './reading.store.ts';

/** Encodings a reviewer can ask plain text to be re-read in (the core refuses any other). */
const ENCODINGS = [
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'windows-1256',
  'ISO-8859-6',
  'windows-1251',
  'KOI8-R',
  'windows-1252',
];

export function TextSide({
  caseId,
  itemId,
  kind,
}: {
  caseId: string;
  itemId: string;
  kind: string;
}) {
  const text = useReading((s) => (s.itemId === itemId ? s.text : null));
  const children = useReading((s) => (s.itemId === itemId ? s.children : []));
  const intl = useIntl();
  const t = intl.formatMessage;
  const { go } = useRoute.getState();
  if (!text) return null;
  const facts = Object.entries(text.facts).filter(
    ([k, v]) => !HIDDEN_FACTS.has(k) && v !== null && v !== undefined && v !== '',
  );
  return (
    <div className="text-side" data-testid="text-side">
      <dl className="facts">
        <dt>
          <FormattedMessage id="reading.encoding" defaultMessage="Encoding" />
        </dt>
        <dd>
          {kind === 'text' ? (
            <select
              className="input"
              aria-label={t({
                id: 'reading.encoding.override',
                defaultMessage: 'Read in another encoding',
              })}
              value={text.encoding ?? ''}
              data-testid="text-encoding"
              onChange={(event) =>
                void useReading.getState().open(caseId, itemId, event.target.value)
              }
            >
              {[...new Set([text.encoding ?? '', ...ENCODINGS])].filter(Boolean).map((e) => (
                <option key={e} value={e}>
                  {e === text.detectedEncoding
                    ? t(
                        {
                          id: 'reading.encoding.detected',
                          defaultMessage: '{encoding} (detected)',
                        },
                        { encoding: e },
                      )
                    : e}
                </option>
              ))}
            </select>
          ) : (
            <span data-testid="text-encoding">{text.encoding ?? '—'}</span>
          )}
        </dd>
        <dt>
          <FormattedMessage id="reading.language.detected" defaultMessage="Language (detected)" />
        </dt>
        <dd data-testid="text-language">
          {text.language ? languageName(intl, text.language) : '—'}
        </dd>
        {facts.map(([key, value]) => (
          <FactRow key={key} name={key} value={value} />
        ))}
      </dl>
      {text.links.length > 0 && (
        <section aria-labelledby="text-links-title">
          <h3 id="text-links-title" className="section-title">
            <FormattedMessage
              id="reading.links"
              defaultMessage="{count, plural, one {# link} other {# links}} (shown, never followed)"
              values={{ count: text.links.length }}
            />
          </h3>
          <ul className="text-links" data-testid="text-links">
            {text.links.map((link) => (
              <li key={link}>
                <code dir="ltr">{link}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {children.length > 0 && (
        <section aria-labelledby="text-children-title">
          <h3 id="text-children-title" className="section-title">
            <FormattedMessage
              id="reading.children"
              defaultMessage="{count, plural, one {# file inside} other {# files inside}}"
              values={{ count: children.length }}
            />
          </h3>
          <ul className="text-children" data-testid="text-children">
            {children.map((child) => (
              <li key={child.id}>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => go({ name: 'item', caseId, itemId: child.id })}
                >
                  <FileName name={child.pathInParent ?? child.originalName} />
                </button>{' '}
                <span className="muted">
                  {child.damaged
                    ? t(
                        { id: 'reading.child.damaged', defaultMessage: 'damaged: {reason}' },
                        { reason: child.damaged },
                      )
                    : child.kind}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function FactRow({ name, value }: { name: string; value: unknown }) {
  const known = factLabel(name);
  const intl = useIntl();
  return (
    <>
      <dt>{known ? intl.formatMessage(known.label) : <bdi>{name}</bdi>}</dt>
      <dd dir="auto" className="text-fact" data-fact={name}>
        <FactValue value={value} format={known?.format ?? 'text'} />
      </dd>
    </>
  );
}

const plain = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

function FactValue({ value, format }: { value: unknown; format: FactFormat }) {
  const intl = useIntl();
  const t = intl.formatMessage;
  if (format === 'headers' && typeof value === 'object' && value !== null) {
    return (
      <ul className="text-headers">
        {Object.entries(value).flatMap(([header, v]) =>
          (Array.isArray(v) ? v : [v]).map((one, i) => (
            <li key={`${header}-${i}`} dir="auto">
              <bdi>{header}</bdi>: {plain(one)}
            </li>
          )),
        )}
      </ul>
    );
  }
  if (format === 'count' && Array.isArray(value)) return intl.formatNumber(value.length);
  if ((format === 'number' || format === 'count') && typeof value === 'number') {
    return intl.formatNumber(value);
  }
  if (format === 'bytes' && typeof value === 'number') return formatBytes(intl, value);
  if (format === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return <EvidenceDate iso={value} />;
  }
  if (format === 'yesNo' && typeof value === 'boolean') {
    return value
      ? t({ id: 'fact.yes', defaultMessage: 'Yes' })
      : t({ id: 'fact.no', defaultMessage: 'No' });
  }
  if (format === 'language' && typeof value === 'string') return languageName(intl, value);
  if (format === 'list' && Array.isArray(value)) {
    return intl.formatList(value.map(plain), { type: 'conjunction' });
  }
  if (format === 'ltr') return <bdi dir="ltr">{plain(value)}</bdi>;
  return plain(value);
}
