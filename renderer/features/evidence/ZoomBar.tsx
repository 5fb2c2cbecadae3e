// The zoom controls over an unveiled image: out, the level, in, and back to the whole image.
import { FormattedMessage, useIntl } from 'react-intl';
import { Kbd } from '../../components/Kbd.tsx';
import { ZOOM_LEVELS, type useZoom } from './use-zoom.ts';

export function ZoomBar({ zoom }: { zoom: ReturnType<typeof useZoom> }) {
  const level = zoom.zoom.level;
  const intl = useIntl();
  const t = intl.formatMessage;
  return (
    <div
      className="zoom-bar"
      role="group"
      aria-label={t({ id: 'zoom.group', defaultMessage: 'Zoom' })}
      data-testid="zoom-bar"
    >
      <button
        type="button"
        className="button button-quiet"
        aria-label={t({ id: 'zoom.out', defaultMessage: 'Zoom out' })}
        aria-keyshortcuts="-"
        disabled={level <= 1}
        onClick={zoom.zoomOut}
      >
        −
      </button>
      <span className="zoom-level" data-testid="zoom-level">
        {intl.formatNumber(level, { style: 'percent' })}
      </span>
      <button
        type="button"
        className="button button-quiet"
        aria-label={t({ id: 'zoom.in', defaultMessage: 'Zoom in' })}
        aria-keyshortcuts="+"
        disabled={level >= (ZOOM_LEVELS.at(-1) ?? 1)}
        onClick={zoom.zoomIn}
      >
        +
      </button>
      {zoom.zoomed && (
        <button type="button" className="button button-quiet" onClick={zoom.reset}>
          <FormattedMessage id="zoom.whole" defaultMessage="Whole image" /> <Kbd spec="0" />
        </button>
      )}
    </div>
  );
}
