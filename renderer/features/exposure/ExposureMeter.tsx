// The reviewer's exposure in the top bar: today and this session, in quiet words. It refreshes
// every few seconds while something is unveiled, and suggests a break past the threshold.
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatDuration } from '../../base/i18n.ts';
import { useSettings } from '../settings/settings.store.ts';
import { useExposure } from './exposure.store.ts';
import { BreakDialog } from './BreakDialog.tsx';

const WHILE_UNVEILED_MS = 3000;
const OTHERWISE_MS = 60_000;

export function ExposureMeter() {
  const exposure = useExposure((s) => s.exposure);
  const breakPrompt = useExposure((s) => s.breakPrompt);
  const threshold = useSettings((s) => s.settings.exposureBreakMinutes);
  const unveiled = exposure?.current != null;
  const intl = useIntl();

  useEffect(() => {
    void useExposure.getState().refresh();
    const timer = setInterval(
      () => void useExposure.getState().refresh(),
      unveiled ? WHILE_UNVEILED_MS : OTHERWISE_MS,
    );
    return () => clearInterval(timer);
  }, [unveiled]);

  if (!exposure) return null;
  return (
    <div
      className="exposure"
      data-testid="exposure"
      data-break-due={String(exposure.breakDue)}
      aria-label={intl.formatMessage({
        id: 'exposure.label',
        defaultMessage: 'Your exposure to unveiled images',
      })}
    >
      <span className={`exposure-dot${unveiled ? ' exposure-dot-on' : ''}`} aria-hidden="true" />
      <span className="exposure-part">
        <span className="exposure-label">
          <FormattedMessage id="exposure.today" defaultMessage="Unveiled today" />
        </span>{' '}
        <span data-testid="exposure-today">
          <FormattedMessage
            id="exposure.amount"
            defaultMessage="{duration}, {items, plural, one {# item} other {# items}}"
            values={{
              duration: formatDuration(intl, exposure.todaySeconds),
              items: exposure.todayItems,
            }}
          />
        </span>
      </span>
      <span className="exposure-part">
        <span className="exposure-label">
          <FormattedMessage id="exposure.session" defaultMessage="This session" />
        </span>{' '}
        <span data-testid="exposure-session">
          <FormattedMessage
            id="exposure.amount"
            defaultMessage="{duration}, {items, plural, one {# item} other {# items}}"
            values={{
              duration: formatDuration(intl, exposure.sessionSeconds),
              items: exposure.sessionItems,
            }}
          />
        </span>
      </span>
      {unveiled && (
        <span className="visually-hidden">
          <FormattedMessage id="exposure.unveiledNow" defaultMessage="An image is unveiled now." />
        </span>
      )}
      {breakPrompt && <BreakDialog todaySeconds={exposure.todaySeconds} threshold={threshold} />}
    </div>
  );
}
