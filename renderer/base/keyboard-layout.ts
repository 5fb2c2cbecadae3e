// What the reviewer's keyboard layout prints on each physical key, where the browser can tell
// (Chromium's Keyboard API: navigator.keyboard.getLayoutMap). Read once; null until known or where
// there is no such API, in which case keys are labelled as on a US keyboard.
import { useEffect, useState } from 'react';
import type { LayoutMap } from './key-labels.ts';

interface KeyboardApi {
  getLayoutMap(): Promise<LayoutMap>;
}

let layout: Promise<LayoutMap | null> | null = null;

export function keyboardLayout(): Promise<LayoutMap | null> {
  const api = (navigator as Navigator & { keyboard?: KeyboardApi }).keyboard;
  layout ??= api?.getLayoutMap
    ? api.getLayoutMap().then(
        (map) => map,
        () => null,
      )
    : Promise.resolve(null);
  return layout;
}

export function useKeyboardLayout(): LayoutMap | null {
  const [map, setMap] = useState<LayoutMap | null>(null);
  useEffect(() => {
    let live = true;
    void keyboardLayout().then((m) => {
      if (live) setMap(m);
    });
    return () => {
      live = false;
    };
  }, []);
  return map;
}
