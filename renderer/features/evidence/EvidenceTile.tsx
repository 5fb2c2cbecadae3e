// One item in the grid: its veiled thumbnail, its name (isolated, so an Arabic or Persian name keeps
// its order), its category and badges. Not focusable itself: the grid holds the focus and points
// at the tile (aria-activedescendant), so scrolling never loses the keyboard's place.
import { memo, useState, type MouseEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { FileName } from '../../components/FileName.tsx';
import { ItemBadges, TILE_BADGES } from './ItemBadges.tsx';
import { FileKindIcon } from './FileKindIcon.tsx';
import { showsPicture } from './file-kind.ts';
import { veiledThumb } from './previews.ts';

export const tileId = (index: number) => `evidence-tile-${index}`;

interface TileProps {
  index: number;
  total: number;
  item: ItemSummary | undefined;
  categoryLabel: string | null;
  focused: boolean;
  selected: boolean;
  /** False while the grid scrolls fast: a tile that only flies past asks for no thumbnail. */
  settled: boolean;
  onPointer: (index: number, event: MouseEvent) => void;
  onOpen: (index: number) => void;
  onShowChildren: (index: number) => void;
}

export const EvidenceTile = memo(function EvidenceTile(props: TileProps) {
  const { index, item, focused, selected } = props;
  // Once a tile has shown its thumbnail it keeps it, through later scrolling.
  const [shown, setShown] = useState(props.settled);
  if (props.settled && !shown) setShown(true);
  const classes = ['tile'];
  if (focused) classes.push('tile-focused');
  if (selected) classes.push('tile-selected');
  if (!item) {
    return (
      <div
        id={tileId(index)}
        role="option"
        aria-selected={false}
        aria-setsize={props.total}
        aria-posinset={index + 1}
        className={`${classes.join(' ')} tile-loading`}
      >
        <span className="tile-thumb" />
        <span className="visually-hidden">
          <FormattedMessage id="evidence.tile.loading" defaultMessage="Loading" />
        </span>
      </div>
    );
  }
  return (
    <div
      id={tileId(index)}
      role="option"
      aria-selected={selected}
      aria-setsize={props.total}
      aria-posinset={index + 1}
      className={classes.join(' ')}
      data-testid="evidence-tile"
      data-item-id={item.id}
      onMouseDown={(event) => props.onPointer(index, event)}
      onDoubleClick={() => props.onOpen(index)}
    >
      <span className="tile-thumb">
        {!showsPicture(item) ? (
          <FileKindIcon mime={item.mime} name={item.originalName} />
        ) : (
          shown && (
            <img
              src={veiledThumb(item.id)}
              alt=""
              loading="lazy"
              decoding="async"
              draggable={false}
            />
          )
        )}
        {(item.childCount ?? 0) > 0 && (
          // Not a button: the grid holds the keyboard (c on the focused tile), and an option
          // may hold nothing focusable; this is the pointer's way in.
          <span
            className="tile-children"
            data-testid="tile-children"
            onMouseDown={(event) => event.stopPropagation()}
            onClick={() => props.onShowChildren(index)}
          >
            <FormattedMessage
              id="evidence.tile.children"
              defaultMessage="{count, plural, one {# file inside} other {# files inside}}"
              values={{ count: item.childCount ?? 0 }}
            />
          </span>
        )}
        {selected && (
          <span className="tile-check" aria-hidden="true">
            ✓
          </span>
        )}
      </span>
      <span className="tile-name" data-testid="tile-name">
        <FileName name={item.originalName} truncate />
      </span>
      <span className={`tile-category${props.categoryLabel ? '' : ' tile-untriaged'}`}>
        {props.categoryLabel ?? (
          <FormattedMessage id="evidence.filter.untriaged" defaultMessage="Untriaged" />
        )}
      </span>
      <ItemBadges item={item} limit={TILE_BADGES} />
    </div>
  );
});
