// Zoom and pan for an unveiled image, by keys (+ - 0, arrows) and by dragging. It only moves what
// is already on screen: the step shown is still the one the core granted, and any veiling or
// another item puts the image back whole.
import { useCallback, useMemo, useState } from 'react';

export const ZOOM_LEVELS = [1, 1.5, 2, 3, 4] as const;
/** How far one arrow press moves a zoomed image, in screen pixels. */
export const PAN_STEP = 60;

export interface Zoom {
  level: number;
  x: number;
  y: number;
}

const whole: Zoom = { level: 1, x: 0, y: 0 };

/** Keeps the image covering the frame: it cannot be pushed further than its zoomed overhang. */
export function clampPan(zoom: Zoom, width: number, height: number): Zoom {
  const maxX = ((zoom.level - 1) * width) / 2;
  const maxY = ((zoom.level - 1) * height) / 2;
  const clamp = (v: number, max: number) => Math.max(-max, Math.min(max, v));
  return { level: zoom.level, x: clamp(zoom.x, maxX), y: clamp(zoom.y, maxY) };
}

export function stepZoom(zoom: Zoom, direction: 1 | -1): Zoom {
  const at = ZOOM_LEVELS.findIndex((l) => l >= zoom.level);
  const next = ZOOM_LEVELS[Math.max(0, Math.min(ZOOM_LEVELS.length - 1, at + direction))] ?? 1;
  if (next === 1) return whole;
  const ratio = next / zoom.level;
  return { level: next, x: zoom.x * ratio, y: zoom.y * ratio };
}

export function useZoom(frame: () => { width: number; height: number }) {
  const [zoom, setZoom] = useState<Zoom>(whole);
  const apply = useCallback(
    (change: (z: Zoom) => Zoom) =>
      setZoom((z) => {
        const { width, height } = frame();
        return clampPan(change(z), width, height);
      }),
    [frame],
  );
  const actions = useMemo(
    () => ({
      zoomIn: () => apply((z) => stepZoom(z, 1)),
      zoomOut: () => apply((z) => stepZoom(z, -1)),
      reset: () => setZoom(whole),
      panBy: (dx: number, dy: number) => apply((z) => ({ ...z, x: z.x + dx, y: z.y + dy })),
    }),
    [apply],
  );
  return { zoom, zoomed: zoom.level > 1, ...actions };
}

/** The pan an arrow key asks for: the image moves so that side of it comes into view. */
export function panOf(key: string): [number, number] | null {
  if (key === 'ArrowLeft') return [PAN_STEP, 0];
  if (key === 'ArrowRight') return [-PAN_STEP, 0];
  if (key === 'ArrowUp') return [0, PAN_STEP];
  if (key === 'ArrowDown') return [0, -PAN_STEP];
  return null;
}
