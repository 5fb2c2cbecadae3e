// @vitest-environment happy-dom
// The storyboard shows every keyframe veiled, never a revealed variant, with its time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody } from '../../../tests/helpers/fake-custody.ts';
import { render, type Rendered } from '../../../tests/helpers/react-render.ts';
import type { ItemFrame } from '../../../shared/domain/item.ts';
import { ContactSheet } from './ContactSheet.tsx';

const frame = (idx: number, timeSeconds: number): ItemFrame => ({
  idx,
  timeSeconds,
  page: null,
  pdq: 'f'.repeat(64),
  quality: 100,
  width: 640,
  height: 360,
});

let shown: Rendered | undefined;
beforeEach(() => {
  fakeCustody();
});
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

describe('ContactSheet', () => {
  it('asks only for veiled thumbnails, one per keyframe, labelled with its time', async () => {
    const frames = [frame(0, 0), frame(1, 2), frame(2, 3725)];
    shown = await render(<ContactSheet itemId="i_aaaaaaaaaaaaaaaa" frames={frames} />);
    const stills = [...shown.container.querySelectorAll('img')];
    const sources = stills.map((img) => img.getAttribute('src') ?? '');
    expect(sources).toHaveLength(frames.length);
    sources.forEach((src, i) =>
      expect(src).toMatch(new RegExp(`i_aaaaaaaaaaaaaaaa/frame/${i}/thumb/veiled$`)),
    );
    expect(shown.container.textContent).toContain('3 keyframes');
    expect(
      [...shown.container.querySelectorAll('.contact-sheet-time')].map((t) => t.textContent),
    ).toEqual(['0:00', '0:02', '1:02:05']);
  });

  it("names an animated image's frames as frames, timed to the tenth of a second", async () => {
    const frames = [frame(0, 0), frame(1, 0.1), frame(2, 0.3), frame(3, 61.25)];
    shown = await render(<ContactSheet itemId="i_aaaaaaaaaaaaaaaa" frames={frames} animated />);
    expect(shown.container.textContent).toContain('4 frames');
    expect(shown.container.textContent).not.toContain('keyframe');
    expect(shown.container.querySelector('img')?.getAttribute('alt')).toBe(
      'Veiled frame 1 at 0:00',
    );
    expect(
      [...shown.container.querySelectorAll('.contact-sheet-time')].map((t) => t.textContent),
    ).toEqual(['0:00', '0:00.1', '0:00.3', '1:01.3']);
  });
});
