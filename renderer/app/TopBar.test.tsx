// @vitest-environment happy-dom
// The top bar opens each screen of its list, once unlocked, as a button or from its More menu;
// locked, it offers none of them. The menu follows the menu-button keyboard pattern.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../../tests/helpers/react-render.ts';
import { useRoute } from '../base/route.store.ts';
import { TopBar, topBarScreens } from './TopBar.tsx';

let shown: Rendered | undefined;
beforeEach(() => useRoute.setState({ route: { name: 'cases' }, history: [] }));
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

const noop = () => {};
const byTestId = (id: string) =>
  shown?.container.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;
const menuButton = () => byTestId('open-more');
const menu = () => byTestId('more-menu');
const focusedId = () => document.activeElement?.getAttribute('data-testid');
const inMenu = topBarScreens.filter((s) => !s.inBar).map((s) => s.testId);

/** A key pressed on the focused element, as the browser sends it. */
async function press(key: string): Promise<void> {
  const target = document.activeElement ?? document.body;
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await Promise.resolve();
  });
}

async function click(element: HTMLElement | null): Promise<void> {
  await act(async () => {
    element?.click();
    await Promise.resolve();
  });
}

async function openByKey(key: string): Promise<void> {
  shown = await render(<TopBar status="unlocked" onHelp={noop} onSettings={noop} />);
  menuButton()?.focus();
  await press(key);
}

describe('TopBar', () => {
  it('opens every listed screen, from a button or the More menu', async () => {
    shown = await render(<TopBar status="unlocked" onHelp={noop} onSettings={noop} />);
    expect(inMenu.length).toBeGreaterThan(0);
    for (const screen of topBarScreens) {
      if (!screen.inBar) await click(menuButton());
      const entry = byTestId(screen.testId);
      expect(entry?.textContent).toContain(screen.label.defaultMessage);
      await click(entry);
      expect(useRoute.getState().route).toEqual(screen.route);
      expect(menu()).toBeNull();
    }
  });

  it('offers no screen while locked', async () => {
    shown = await render(<TopBar status="locked" onHelp={noop} onSettings={noop} />);
    for (const screen of topBarScreens) expect(byTestId(screen.testId)).toBeNull();
    expect(menuButton()).toBeNull();
  });

  it('opens the menu on ArrowDown at its first entry, and on ArrowUp at its last', async () => {
    await openByKey('ArrowDown');
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('true');
    expect(menu()?.getAttribute('role')).toBe('menu');
    expect(focusedId()).toBe(inMenu[0]);
    await press('Escape');
    await press('ArrowUp');
    expect(focusedId()).toBe(inMenu.at(-1));
  });

  it('opens the menu on Enter and Space (the button is clicked) at its first entry', async () => {
    shown = await render(<TopBar status="unlocked" onHelp={noop} onSettings={noop} />);
    menuButton()?.focus();
    await click(menuButton());
    expect(focusedId()).toBe(inMenu[0]);
    await click(menuButton());
    expect(menu()).toBeNull();
  });

  it('moves with the arrows, wrapping, and jumps with Home and End', async () => {
    await openByKey('ArrowDown');
    const order: (string | null | undefined)[] = [];
    for (let i = 0; i < inMenu.length; i++) {
      order.push(focusedId());
      await press('ArrowDown');
    }
    expect(order).toEqual(inMenu);
    expect(focusedId()).toBe(inMenu[0]);
    await press('ArrowUp');
    expect(focusedId()).toBe(inMenu.at(-1));
    await press('Home');
    expect(focusedId()).toBe(inMenu[0]);
    await press('End');
    expect(focusedId()).toBe(inMenu.at(-1));
  });

  it('closes on Escape, giving the focus back to the button, and keeps Escape to itself', async () => {
    let reachedWindow = false;
    const onWindow = (event: KeyboardEvent) => {
      if (event.key === 'Escape') reachedWindow = true;
    };
    window.addEventListener('keydown', onWindow);
    try {
      await openByKey('ArrowDown');
      await press('Escape');
    } finally {
      window.removeEventListener('keydown', onWindow);
    }
    expect(menu()).toBeNull();
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
    expect(focusedId()).toBe('open-more');
    expect(reachedWindow).toBe(false);
  });

  it('closes on a click outside, and stays open on a click inside', async () => {
    await openByKey('ArrowDown');
    await act(async () => {
      menu()?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      await Promise.resolve();
    });
    expect(menu()).not.toBeNull();
    await act(async () => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      await Promise.resolve();
    });
    expect(menu()).toBeNull();
  });

  it('marks the current screen, in the menu and on its button', async () => {
    const screen = topBarScreens.find((s) => !s.inBar);
    if (!screen) throw new Error('no screen in the menu');
    useRoute.setState({ route: screen.route });
    await openByKey('ArrowDown');
    expect(byTestId(screen.testId)?.getAttribute('aria-current')).toBe('page');
    for (const other of inMenu.filter((id) => id !== screen.testId))
      expect(byTestId(other)?.hasAttribute('aria-current')).toBe(false);
    expect(menuButton()?.classList.contains('topbar-current')).toBe(true);
  });
});
