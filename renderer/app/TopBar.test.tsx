// @vitest-environment happy-dom
// The top bar opens each screen of its list, once unlocked; locked, it offers none of them.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../../tests/helpers/react-render.ts';
import { useRoute } from '../base/route.store.ts';
import { TopBar, topBarScreens } from './TopBar.tsx';

let shown: Rendered | undefined;
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

const noop = () => {};

describe('TopBar', () => {
  it('has a button for every listed screen, each opening its route', async () => {
    shown = await render(<TopBar status="unlocked" onHelp={noop} onSettings={noop} />);
    expect(topBarScreens.map((s) => s.testId)).toEqual(['open-reports', 'open-hashlists']);
    for (const screen of topBarScreens) {
      const button = shown.container.querySelector<HTMLButtonElement>(
        `[data-testid="${screen.testId}"]`,
      );
      expect(button?.textContent).toBe(screen.label.defaultMessage);
      await act(async () => {
        button?.click();
        await Promise.resolve();
      });
      expect(useRoute.getState().route).toEqual(screen.route);
    }
  });

  it('offers no screen while locked', async () => {
    shown = await render(<TopBar status="locked" onHelp={noop} onSettings={noop} />);
    for (const screen of topBarScreens)
      expect(shown.container.querySelector(`[data-testid="${screen.testId}"]`)).toBeNull();
  });
});
