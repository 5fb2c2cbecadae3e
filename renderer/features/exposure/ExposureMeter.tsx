// The reviewer's exposure in the top bar: today and this session, in quiet words. It refreshes
// every few seconds while something is unveiled, and suggests a break past the threshold.
import { useEffect } from 'react';
import { formatDuration, plural } from '../../base/i18n.ts';
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

  useEffect(() => {
    void useExposure.getState().refresh();
    const timer = setInterval(
      () => void useExposure.getState().refresh(),
      unveiled ? WHILE_UNVEILED_MS : OTHERWISE_MS,
    );
    return () => clearInterval(timer);
  }, [unveiled]);

  useEffect(() => {
    useExposure.getState().checkBreak(threshold);
  }, [exposure, threshold]);

  if (!exposure) return null;
  return (
    <div className="exposure" data-testid="exposure" aria-label="Your exposure to unveiled images">
      <span className={`exposure-dot${unveiled ? ' exposure-dot-on' : ''}`} aria-hidden="true" />
      <span className="exposure-part">
        <span className="exposure-label">Unveiled today</span>{' '}
        <span data-testid="exposure-today">
          {formatDuration(exposure.todaySeconds)}, {plural(exposure.todayItems, 'item', 'items')}
        </span>
      </span>
      <span className="exposure-part">
        <span className="exposure-label">This session</span>{' '}
        <span data-testid="exposure-session">
          {formatDuration(exposure.sessionSeconds)},{' '}
          {plural(exposure.sessionItems, 'item', 'items')}
        </span>
      </span>
      {unveiled && <span className="visually-hidden">An image is unveiled now.</span>}
      {breakPrompt && <BreakDialog todaySeconds={exposure.todaySeconds} threshold={threshold} />}
    </div>
  );
}
