// A video's storyboard (or an animated image's frames) as a contact sheet: every still veiled, with
// its time, so a reviewer sees the shape of the video without seeing its content. Choosing a still puts it on the stage,
// where the reveal ladder applies to it alone; the sheet itself never shows more than the veil.
import { FormattedMessage, useIntl } from 'react-intl';
import type { ItemFrame } from '../../../shared/domain/item.ts';
import { veiledFrameThumb } from './frame-previews.ts';
import './media.css';

/**
 * m:ss (or h:mm:ss) of a still's time, in the interface's digits; with tenths when it has them, as
 * an animated image's frames do (0:00.1, 0:00.3), which whole seconds would all show as 0:00.
 */
function clock(
  seconds: number,
  format: (n: number, digits: number) => string,
  tenth: (n: number) => string,
): string {
  const tenths = Math.round(seconds * 10);
  const whole = Math.floor(tenths / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const hms =
    h > 0 ? `${format(h, 1)}:${format(m, 2)}:${format(s, 2)}` : `${format(m, 1)}:${format(s, 2)}`;
  return tenths % 10 === 0 ? hms : `${hms}${tenth((tenths % 10) / 10).slice(1)}`;
}

interface ContactSheetProps {
  itemId: string;
  frames: ItemFrame[];
  /** The still on the stage, if any. */
  selected?: number | null;
  onSelect?: (idx: number) => void;
  /** The frames of an animated image rather than a video's keyframes. */
  animated?: boolean;
}

export function ContactSheet({
  itemId,
  frames,
  selected = null,
  onSelect,
  animated = false,
}: ContactSheetProps) {
  const intl = useIntl();
  const digits = (n: number, min: number) =>
    intl.formatNumber(n, { minimumIntegerDigits: min, useGrouping: false });
  // "0.3" in the interface's digits and decimal sign; the clock keeps what follows the zero.
  const tenth = (n: number) =>
    intl.formatNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section
      className="contact-sheet"
      aria-labelledby="contact-sheet-title"
      data-testid="contact-sheet"
    >
      <h2 id="contact-sheet-title" className="section-title">
        {animated ? (
          <FormattedMessage
            id="media.contactSheet.animatedTitle"
            defaultMessage="Frames: {count, plural, one {# frame} other {# frames}}, veiled"
            values={{ count: frames.length }}
          />
        ) : (
          <FormattedMessage
            id="media.contactSheet.title"
            defaultMessage="Storyboard: {count, plural, one {# keyframe} other {# keyframes}}, veiled"
            values={{ count: frames.length }}
          />
        )}
      </h2>
      <ol className="contact-sheet-grid">
        {frames.map((frame) => {
          const at = frame.timeSeconds === null ? null : clock(frame.timeSeconds, digits, tenth);
          const label = { n: frame.idx + 1, at: at ?? 'none' };
          return (
            <li key={frame.idx} className="contact-sheet-still">
              <button
                type="button"
                className="contact-sheet-pick"
                aria-pressed={selected === frame.idx}
                disabled={!onSelect}
                data-testid="contact-sheet-pick"
                data-frame={frame.idx}
                onClick={() => onSelect?.(frame.idx)}
              >
                <img
                  src={veiledFrameThumb(itemId, frame.idx)}
                  alt={
                    animated
                      ? intl.formatMessage(
                          {
                            id: 'media.contactSheet.animatedStill',
                            defaultMessage:
                              'Veiled frame {n, number}{at, select, none {} other { at {at}}}',
                          },
                          label,
                        )
                      : intl.formatMessage(
                          {
                            id: 'media.contactSheet.still',
                            defaultMessage:
                              'Veiled keyframe {n, number}{at, select, none {} other { at {at}}}',
                          },
                          label,
                        )
                  }
                  data-testid="contact-sheet-still"
                  data-step="veiled"
                  draggable={false}
                />
              </button>
              {at !== null && <span className="contact-sheet-time">{at}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
