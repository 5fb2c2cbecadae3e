// A video's storyboard as a contact sheet: every keyframe veiled, with its time, so a reviewer
// sees the shape of the video without seeing its content. Choosing a still puts it on the stage,
// where the reveal ladder applies to it alone; the sheet itself never shows more than the veil.
import { FormattedMessage, useIntl } from 'react-intl';
import type { ItemFrame } from '../../../shared/domain/item.ts';
import { veiledFrameThumb } from './frame-previews.ts';
import './media.css';

/** m:ss (or h:mm:ss) of a still's time, in the interface's digits. */
function clock(seconds: number, format: (n: number, digits: number) => string): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0
    ? `${format(h, 1)}:${format(m, 2)}:${format(s, 2)}`
    : `${format(m, 1)}:${format(s, 2)}`;
}

interface ContactSheetProps {
  itemId: string;
  frames: ItemFrame[];
  /** The still on the stage, if any. */
  selected?: number | null;
  onSelect?: (idx: number) => void;
}

export function ContactSheet({ itemId, frames, selected = null, onSelect }: ContactSheetProps) {
  const intl = useIntl();
  const digits = (n: number, min: number) =>
    intl.formatNumber(n, { minimumIntegerDigits: min, useGrouping: false });
  return (
    <section
      className="contact-sheet"
      aria-labelledby="contact-sheet-title"
      data-testid="contact-sheet"
    >
      <h2 id="contact-sheet-title" className="section-title">
        <FormattedMessage
          id="media.contactSheet.title"
          defaultMessage="Storyboard: {count, plural, one {# keyframe} other {# keyframes}}, veiled"
          values={{ count: frames.length }}
        />
      </h2>
      <ol className="contact-sheet-grid">
        {frames.map((frame) => {
          const at = frame.timeSeconds === null ? null : clock(frame.timeSeconds, digits);
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
                  alt={intl.formatMessage(
                    {
                      id: 'media.contactSheet.still',
                      defaultMessage:
                        'Veiled keyframe {n, number}{at, select, none {} other { at {at}}}',
                    },
                    { n: frame.idx + 1, at: at ?? 'none' },
                  )}
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
