// An evidence date: the local date in the reviewer's language, with ISO 8601 UTC beside it, kept
// left to right inside right-to-left text.
import { FormattedMessage, useIntl } from 'react-intl';
import { useLanguage } from '../base/language.store.ts';
import { evidenceDate } from '../base/evidence-date.ts';

export function EvidenceDate({ iso }: { iso: string }) {
  const intl = useIntl();
  const localCalendar = useLanguage((s) => s.localCalendar);
  const { local, utc } = evidenceDate(intl, iso, localCalendar);
  return (
    <time dateTime={iso} data-testid="evidence-date">
      <FormattedMessage
        id="evidenceDate.withUtc"
        defaultMessage="{local} ({utc})"
        values={{
          local,
          utc: (
            <bdi dir="ltr" className="mono">
              {utc}
            </bdi>
          ),
        }}
      />
    </time>
  );
}
