// The zoom controls over an unveiled image: out, the level, in, and back to the whole image.
import { Kbd } from '../../components/Kbd.tsx';
import { ZOOM_LEVELS, type useZoom } from './use-zoom.ts';

export function ZoomBar({ zoom }: { zoom: ReturnType<typeof useZoom> }) {
  const level = zoom.zoom.level;
  return (
    <div className="zoom-bar" role="group" aria-label="Zoom" data-testid="zoom-bar">
      <button
        type="button"
        className="button button-quiet"
        aria-label="Zoom out"
        aria-keyshortcuts="-"
        disabled={level <= 1}
        onClick={zoom.zoomOut}
      >
        −
      </button>
      <span className="zoom-level" data-testid="zoom-level">
        {Math.round(level * 100)}%
      </span>
      <button
        type="button"
        className="button button-quiet"
        aria-label="Zoom in"
        aria-keyshortcuts="+"
        disabled={level >= (ZOOM_LEVELS.at(-1) ?? 1)}
        onClick={zoom.zoomIn}
      >
        +
      </button>
      {zoom.zoomed && (
        <button type="button" className="button button-quiet" onClick={zoom.reset}>
          Whole image <Kbd spec="0" />
        </button>
      )}
    </div>
  );
}
