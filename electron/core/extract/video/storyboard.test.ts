// The storyboard's choices, without a decoder: when keyframes are too few, and which of many
// decoded frames stay.
import { describe, expect, it } from 'vitest';
import {
  STORYBOARD_MAX,
  longestGap,
  needsSceneScan,
  sceneScanArgs,
  scanSpacing,
  thinStills,
} from './storyboard.ts';

describe('when the keyframes are too few', () => {
  it('measures the longest stretch without a still, to the end of the video', () => {
    expect(longestGap([0, 2, 4], 10)).toBe(6);
    expect(longestGap([0], 60)).toBe(60);
  });

  it('scans a video whose keyframes leave a stretch over 10 s and over two slots', () => {
    expect(needsSceneScan([0], 60)).toBe(true);
    expect(needsSceneScan([0, 2, 4, 6, 8], 10)).toBe(false);
    // x264's default: a keyframe every 10 s (250 frames at 25 fps) is enough.
    expect(needsSceneScan([0, 10, 20, 30, 40, 50], 60)).toBe(false);
    // An hour with a keyframe every 2 minutes: slots are 100 s, two of them 200 s.
    const everyTwoMinutes = Array.from({ length: 30 }, (_, i) => i * 120);
    expect(needsSceneScan(everyTwoMinutes, 3600)).toBe(false);
    expect(needsSceneScan([0], 0)).toBe(false);
    expect(needsSceneScan([], 60)).toBe(false);
  });
});

describe('the scene scan', () => {
  it('keeps a still every 5 s where nothing changes, cuts at most every half slot', () => {
    expect(scanSpacing(60)).toEqual({ fill: 5, cut: 60 / STORYBOARD_MAX / 2 });
    expect(scanSpacing(15)).toEqual({ fill: 5, cut: 0.5 });
    expect(scanSpacing(3600)).toEqual({ fill: 100, cut: 50 });
  });

  it('bounds its output by the spacing, so a flashing picture cannot flood memory', () => {
    const args = sceneScanArgs(60);
    const frames = Number(args[args.indexOf('-frames:v') + 1]);
    expect(frames).toBeLessThanOrEqual(2 * STORYBOARD_MAX + 2);
    expect(args).toContain('noref');
  });
});

describe('thinning the decoded frames', () => {
  const at = (timeSeconds: number, weight: number) => ({ timeSeconds, weight });

  it('keeps one per slot, the most telling, and always the first frame', () => {
    const kept = thinStills([at(0, 0), at(0.1, 0.9), at(5, 0.2), at(5.2, 0.8)], 36, 0.1);
    // Slots are 1 s: 0 and 0.1 share one (the first frame wins), 5 and 5.2 another.
    expect(kept.map((c) => c.timeSeconds)).toEqual([0, 5.2]);
  });

  it('never keeps more than the storyboard holds, spread over the whole duration', () => {
    // A flashing first half (a cut every half second) and a calm second half (a filler every 5 s).
    const flashing = Array.from({ length: 60 }, (_, i) => at(i * 0.5, 0.9));
    const calm = Array.from({ length: 6 }, (_, i) => at(30 + i * 5, 0));
    const kept = thinStills([...flashing, ...calm], 60, 0.4);
    expect(kept.length).toBeLessThanOrEqual(STORYBOARD_MAX);
    expect(kept.filter((c) => c.timeSeconds >= 30)).toHaveLength(6);
  });

  it('of two stills closer than the spacing (a keyframe beside a cut), keeps the more telling', () => {
    const kept = thinStills([at(0, 0), at(3.96, 0.5), at(4.04, 0.8)], 144, 0.25);
    expect(kept.map((c) => c.timeSeconds)).toEqual([0, 4.04]);
  });
});
