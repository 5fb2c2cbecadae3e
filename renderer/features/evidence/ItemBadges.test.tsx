// @vitest-environment happy-dom
// A tile shows at most three badges; a fourth and later are counted and named in the third, never
// pushed out of sight.
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../../../tests/helpers/react-render.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { ItemBadges, TILE_BADGES } from './ItemBadges.tsx';

const busy: ItemSummary = {
  id: 'i_aaaaaaaaaaaaaaaa',
  caseId: 'c_aaaaaaaaaaaaaaaa',
  kind: 'image',
  mime: 'image/jpeg',
  originalName: 'صورة.jpg',
  size: 1,
  width: 1,
  height: 1,
  flags: ['gps', 'animated', 'duplicate-acquired'],
  createdAt: '2026-01-01T00:00:00.000Z',
  parentId: null,
  pathInParent: null,
  damaged: null,
  eventAt: null,
  category: null,
  severity: 5,
  tags: ['escalated', 'оружие'],
};

let shown: Rendered | undefined;
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

const badges = () => [...(shown?.container.querySelectorAll('.badge') ?? [])];

describe('ItemBadges', () => {
  it('in a tile: two badges and a third that names the rest', async () => {
    shown = await render(<ItemBadges item={busy} limit={TILE_BADGES} />);
    expect(badges()).toHaveLength(TILE_BADGES);
    const more = badges().at(-1);
    expect(more?.getAttribute('title')).toBe(
      'GPS: location in the metadata; Animated; Acquired again; Tag: оружие',
    );
    expect(more?.textContent).toContain('+4');
  });

  it('in full where there is room', async () => {
    shown = await render(<ItemBadges item={busy} />);
    expect(badges().map((b) => b.textContent)).toEqual([
      'Escalated',
      'S5Severity 5, Critical',
      'GPS: location in the metadata',
      'Animated',
      'Acquired again',
      'оружие',
    ]);
  });

  it('shows three badges as they are', async () => {
    shown = await render(
      <ItemBadges item={{ ...busy, flags: ['gps'], tags: ['escalated'] }} limit={TILE_BADGES} />,
    );
    expect(badges().map((b) => b.textContent)).toEqual([
      'Escalated',
      'S5Severity 5, Critical',
      'GPS: location in the metadata',
    ]);
  });
});
