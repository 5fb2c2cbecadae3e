// Renders a React element into happy-dom for component tests, and takes it down again. DOM code:
// type-checked with the web program (through the renderer tests that import it), not the Node one.
import { act, createElement, type ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  rerender(element: ReactElement): Promise<void>;
  unmount(): Promise<void>;
}

export async function render(element: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const wrap = (e: ReactElement) =>
    createElement(IntlProvider, { locale: 'en', defaultLocale: 'en' }, e);
  await act(() => Promise.resolve(root.render(wrap(element))));
  return {
    container,
    rerender: (next) => act(() => Promise.resolve(root.render(wrap(next)))),
    unmount: async () => {
      await act(() => Promise.resolve(root.unmount()));
      container.remove();
    },
  };
}
