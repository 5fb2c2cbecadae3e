// What a tile and a name say at 1280×720: a name with a hidden right-to-left override or other
// control characters shows them as marked tokens (the grid, the item view, the packaging screen),
// a long name keeps its extension in sight, a non-image file shows an icon for its kind, and an
// item with many badges keeps every one inside its tile.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { setSeverity, tagItems } from '../../electron/core/triage/triage.service.ts';
import { openSession, PASSPHRASE, repoRoot, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';
import { isUnsafeChar } from '../../shared/domain/unsafe-text.ts';

const TITLE = 'ابتزاز عبر الإنترنت';
const RTL = 'rtl-\u202egnp.exe';
const CONTROLS = 'report\u2066final\u2069\nline\u001b[31m.txt';
const LONG_AR = 'سجل المحادثة الكامل المستخرج من الهاتف المضبوط في القضية.txt';
const LONG_EN = 'a-very-long-file-name-exported-from-the-seized-phone-backup.json';
/** Whether a control or bidi character reached the page as itself. */
const hidden = (text: string | null) => [...(text ?? '')].some(isUnsafeChar);

const files: [string, string | Buffer][] = [
  [RTL, 'MZ not really a program'],
  [CONTROLS, 'Отчёт\n'],
  [LONG_AR, 'کاربر: فردا\n'],
  [LONG_EN, '{"messages": []}\n'],
  ['report.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'],
  [
    'clip.mp4',
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypmp42\0\0\0\0mp42isom', 'latin1'),
      Buffer.alloc(64),
    ]),
  ],
];

let s: Session;
shootOnFailure(() => s, 'tiles');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-e2e-tiles-'));
  const paths: string[] = [];
  for (const [name, body] of files) {
    await writeFile(join(dir, name), body);
    paths.push(join(dir, name));
  }
  const photo = join(repoRoot, 'tests', 'fixtures', 'exif', 'HTC_Desire.jpg');
  await copyFile(photo, join(dir, 'صورة الابتزاز.jpg'));
  await copyFile(photo, join(dir, 'copy.jpg'));
  s = await openSession('tiles', {
    passphrase: PASSPHRASE,
    before: async (harness) => {
      const vault = harness.core.vault();
      const c = createCase(vault, { title: TITLE, kind: 'harassment' });
      const decoder = harness.core.decoder();
      await startIngest(vault, decoder, c.id, [...paths, join(dir, 'صورة الابتزاز.jpg')], () => {})
        .finished;
      const [again] = await startIngest(vault, decoder, c.id, [join(dir, 'copy.jpg')], () => {})
        .finished;
      const photoId = again?.item?.id ?? '';
      setSeverity(vault, [photoId], 5);
      tagItems(vault, [photoId], 'escalated', true);
      tagItems(vault, [photoId], 'оружие', true);
    },
  });
  await s.page.setViewportSize({ width: 1280, height: 720 });
  await s.page.getByTestId('case-list').waitFor();
});

afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

const tileNamed = (fragment: string) =>
  s.page.getByTestId('evidence-tile').filter({ hasText: fragment });

/** Whether `inner` lies inside `outer` on screen (to the pixel). */
async function inside(inner: Locator, outer: Locator) {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b) return false;
  return (
    a.x >= b.x - 0.5 &&
    a.y >= b.y - 0.5 &&
    a.x + a.width <= b.x + b.width + 0.5 &&
    a.y + a.height <= b.y + b.height + 0.5
  );
}

describe('tiles and names', () => {
  it('shows hidden characters in names as tokens, never as themselves', async () => {
    const { page } = s;
    await page.getByText(TITLE).click();
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(7);
    const names = await page.getByTestId('tile-name').allTextContents();
    expect(names.filter(hidden)).toEqual([]);
    const rtl = tileNamed('rtl-').getByTestId('tile-name');
    expect(await rtl.locator('[aria-hidden="true"]').allTextContents()).toContain('⟨U+202E⟩');
    expect(await rtl.locator('.file-name-ext').textContent()).toBe('.exe');
    const controls = tileNamed('report').locator('[data-testid="unsafe-char"] [aria-hidden]');
    expect(await controls.allTextContents()).toEqual([
      '⟨U+2066⟩',
      '⟨U+2069⟩',
      '⟨U+000A⟩',
      '⟨U+001B⟩',
    ]);
    await page.getByTestId('evidence-listbox').focus();
    await s.shot('grid');
  });

  it('cuts long names in the middle: the extension stays in sight', async () => {
    for (const [fragment, ext] of [
      ['a-very-long', '.json'],
      ['سجل المحادثة', '.txt'],
    ] as const) {
      const name = tileNamed(fragment).getByTestId('tile-name');
      const extension = name.locator('.file-name-ext');
      expect(await extension.textContent()).toBe(ext);
      expect(await inside(extension, name)).toBe(true);
      const cut = await name
        .locator('.file-name-stem')
        .evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(cut).toBe(true);
    }
  });

  it('gives each kind of file its own icon', async () => {
    const family = (fragment: string) =>
      tileNamed(fragment).getByTestId('file-kind').getAttribute('data-family');
    expect(await family('report.pdf')).toBe('document');
    expect(await family('clip.mp4')).toBe('video');
    expect(await family('a-very-long')).toBe('data');
    expect(await family('سجل المحادثة')).toBe('text');
  });

  it('keeps every badge inside its tile', async () => {
    const tiles = s.page.getByTestId('evidence-tile');
    const count = await tiles.count();
    let seen = 0;
    for (let i = 0; i < count; i++) {
      const tile = tiles.nth(i);
      const badges = tile.locator('.badge');
      for (let j = 0; j < (await badges.count()); j++) {
        expect(await inside(badges.nth(j), tile)).toBe(true);
        seen += 1;
      }
    }
    const busy = tileNamed('صورة الابتزاز').locator('.badge');
    expect(await busy.count()).toBe(3);
    expect(await busy.last().getAttribute('title')).toBe(
      'GPS: location in the metadata; Acquired again; Tag: оружие',
    );
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  it('shows the tokens in the item view and on the packaging screen', async () => {
    const { page } = s;
    await tileNamed('rtl-').dblclick();
    await page.getByTestId('item-view').waitFor();
    const title = page.getByTestId('item-name');
    expect(hidden(await title.textContent())).toBe(false);
    expect(await title.locator('[aria-hidden="true"]').allTextContents()).toContain('⟨U+202E⟩');
    expect(await page.getByTestId('file-kind').getAttribute('data-family')).toBe('program');
    await s.shot('item-hostile-name');
    await page.keyboard.press('Escape');
    await page.getByTestId('evidence-listbox').waitFor();
    await page.keyboard.press('p');
    await page.getByTestId('package-screen').waitFor();
    const strip = page.locator('.packet-strip');
    await eventually(() => strip.locator('[data-testid="unsafe-char"]').count()).toBeGreaterThan(0);
    expect(hidden(await strip.textContent())).toBe(false);
    await s.shot('package-hostile-names');
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });
});
