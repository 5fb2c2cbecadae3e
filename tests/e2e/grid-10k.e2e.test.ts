// A 10,000-item case opens and scrolls: the grid is virtualised and fetches summaries a page at a
// time. Open time, scroll frame timings and search time are written to
// test-results/e2e/grid-10k.json for people to read; the test asserts only that the last item is
// reachable, by scrolling and by the keyboard, and that every thumbnail asked for was veiled.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, screenshotDir, type Session } from './support.ts';
import {
  recordPreviews,
  type PreviewResponse,
  eventually,
  shootOnFailure,
} from './evidence-support.ts';
import { LARGE_CASE_TITLE, seedLargeCase } from './seed-large-case.ts';

const COUNT = 10_000;

let s: Session;
shootOnFailure(() => s, 'grid10k');
let lastName = '';
let previews: PreviewResponse[];
const report: Record<string, unknown> = { items: COUNT };

beforeAll(async () => {
  s = await openSession('grid10k', {
    passphrase: PASSPHRASE,
    before: async (harness) => {
      const started = Date.now();
      ({ lastName } = await seedLargeCase(harness.core, COUNT));
      report['seedMs'] = Date.now() - started;
    },
  });
  previews = recordPreviews(s.page);
  await s.page.getByTestId('case-list').waitFor();
});

afterAll(async () => {
  await writeFile(join(screenshotDir, 'grid-10k.json'), `${JSON.stringify(report, null, 2)}\n`);
  await s?.close();
});

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: values.length,
    meanMs: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
    over17ms: values.filter((v) => v > 17).length,
    over50ms: values.filter((v) => v > 50).length,
  };
}

const lastTileName = () =>
  s.page.evaluate(
    (count) =>
      document.querySelector(`[aria-posinset="${count}"] [data-testid="tile-name"]`)?.textContent ??
      null,
    COUNT,
  );

describe('a case of 10,000 items', () => {
  it('opens', async () => {
    const { page } = s;
    const started = Date.now();
    await page.getByText(LARGE_CASE_TITLE).click();
    const grid = page.getByTestId('evidence-listbox');
    await eventually(() => grid.getAttribute('data-total')).toBe(String(COUNT));
    report['openToGridMs'] = Date.now() - started;
    await eventually(() =>
      page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="evidence-tile"] img');
        return img !== null && img.complete && img.naturalWidth > 0;
      }),
    ).toBe(true);
    report['openToFirstThumbnailMs'] = Date.now() - started;
    report['tilesInDom'] = await page.getByTestId('evidence-tile').count();
    expect(await page.getByTestId('evidence-tile').count()).toBeLessThan(200);
    await s.shot('grid-top');
  });

  it('scrolls to the last item', async () => {
    const { page } = s;
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const grid = document.querySelector('[role="listbox"]');
          if (!grid) return resolve([]);
          const deltas: number[] = [];
          let last = performance.now();
          const step = (now: number) => {
            deltas.push(now - last);
            last = now;
            const atEnd = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2;
            if (atEnd || deltas.length > 5000) return resolve(deltas.slice(1));
            grid.scrollTop += 600;
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
    report['scroll'] = { pixelsPerFrame: 600, ...stats(frames) };
    await eventually(lastTileName, 15_000).toBe(lastName);
    // Thumbnails come once the scrolling stops.
    await eventually(
      () =>
        page.evaluate((count) => {
          const img = document.querySelector<HTMLImageElement>(`[aria-posinset="${count}"] img`);
          return img !== null && img.complete && img.naturalWidth > 0;
        }, COUNT),
      15_000,
    ).toBe(true);
    await s.shot('grid-bottom');
  });

  it('reaches the last item from the first with the keyboard', async () => {
    const { page } = s;
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('Home');
    await eventually(() =>
      page.getByTestId('evidence-listbox').getAttribute('aria-activedescendant'),
    ).toBe('evidence-tile-0');
    const started = Date.now();
    await page.keyboard.press('End');
    await eventually(() =>
      page.getByTestId('evidence-listbox').getAttribute('aria-activedescendant'),
    ).toBe(`evidence-tile-${COUNT - 1}`);
    await eventually(lastTileName).toBe(lastName);
    report['homeToEndMs'] = Date.now() - started;
    const pageDowns = Date.now();
    await page.keyboard.press('Home');
    for (let i = 0; i < 20; i++) await page.keyboard.press('PageDown');
    report['twentyPageDownsMs'] = Date.now() - pageDowns;
  });

  it('searches 10,000 names', async () => {
    const { page } = s;
    const started = Date.now();
    await page.keyboard.press('/');
    await page.keyboard.type(lastName);
    await eventually(() => page.getByTestId('search-hit').count()).toBe(1);
    report['searchMs'] = Date.now() - started;
    report['searchNote'] =
      'from the first key, including typing and the 250 ms pause before the case-wide search';
    expect(await page.getByTestId('search-hit-line').allTextContents()).toEqual([lastName]);
    await page.keyboard.press('Escape');
  });

  it('asked only for veiled thumbnails, and got each', () => {
    report['thumbnailsFetched'] = previews.length;
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.filter((p) => p.variant !== 'veiled' || p.size !== 'thumb')).toEqual([]);
    expect(previews.filter((p) => p.status !== 200)).toEqual([]);
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });
});
