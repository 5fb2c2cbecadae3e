// Evidence for the review tests: fixture images copied under Arabic, Persian and Russian names (one
// twice, one corrupt, one plain text file), and a record of every preview the page receives.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { beforeEach, expect } from 'vitest';
import { openSession, PASSPHRASE, repoRoot, screenshotDir, type Session } from './support.ts';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { fixture } from '../helpers/fixtures.ts';

const fixtures = join(repoRoot, 'tests', 'fixtures');

/** Source fixture → the name it is picked under. */
const evidence: [string, string][] = [
  ['exif/Apple_iPhone_4.jpg', 'صورة التهديد.jpg'],
  ['exif/sampleWithExifData.png', 'تصویر گزارش.png'],
  ['exif/Nikon_D5000.jpg', 'фото угрозы.jpg'],
  ['exif/Canon_EOS_D60.jpg', 'Canon_EOS_D60.jpg'],
  ['exif/HTC_Desire.jpg', 'HTC_Desire.jpg'],
  ['exif/orient_Portrait_6.jpg', 'portrait.jpg'],
  ['exif/Nikon_D5000.jpg', 'copy-of-nikon.jpg'],
  ['pngsuite/xs1n0g01.png', 'xs1n0g01.png'],
];

export const CORRUPT = 'xs1n0g01.png';
export const DUPLICATE = 'copy-of-nikon.jpg';
export const CHAT = 'chat-export.txt';

export interface EvidenceFolder {
  dir: string;
  paths: string[];
  remove(): Promise<void>;
}

export async function evidenceFolder(): Promise<EvidenceFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-e2e-evidence-'));
  const paths: string[] = [];
  for (const [from, name] of evidence) {
    await copyFile(join(fixtures, from), join(dir, name));
    paths.push(join(dir, name));
  }
  await writeFile(join(dir, CHAT), 'Пользователь: увидимся у школы.\nکاربر: فردا\n');
  paths.push(join(dir, CHAT));
  return { dir, paths, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface PreviewResponse {
  at: number;
  url: string;
  status: number;
  variant: string;
  size: string;
}

/** Every /preview/ response the page receives, in order. */
export function recordPreviews(page: Page): PreviewResponse[] {
  const seen: PreviewResponse[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    const match = /\/preview\/[^/]+\/(thumb|screen)\/([a-z]+)/.exec(url);
    if (!match) return;
    seen.push({
      at: Date.now(),
      url,
      status: response.status(),
      size: match[1] ?? '',
      variant: match[2] ?? '',
    });
  });
  return seen;
}

/** The variant of every <img> in the page, and whether each has loaded. */
export function shownImages(page: Page): Promise<{ src: string; loaded: boolean }[]> {
  return page.evaluate(() =>
    [...document.images].map((img) => ({
      src: img.currentSrc || img.src,
      loaded: img.complete && img.naturalWidth > 0,
    })),
  );
}

/** expect.poll with room for a busy two-core machine: its default gives up after one second. */
export function eventually<T>(check: () => T | Promise<T>, timeout = 10_000) {
  return expect.poll(check, { timeout });
}

/** Keeps a screenshot of the page as it was when a test failed, for whoever reads the failure. */
export function shootOnFailure(session: () => Session | undefined, prefix: string): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await session()
        ?.page.screenshot({ path: join(screenshotDir, `${prefix}-FAILED-${name}.png`) })
        .catch(() => undefined);
    });
  });
}

/**
 * A session over one child-safety case titled `title` holding one photo (Canon_EOS_D60.jpg),
 * labelled `categoryId` as a hash list would label it: what label suggestions start from.
 */
export async function sessionWithLabelledPhoto(
  name: string,
  title: string,
  categoryId: string,
): Promise<{ session: Session; itemId: string }> {
  let itemId = '';
  const session = await openSession(name, {
    passphrase: PASSPHRASE,
    before: async (harness) => {
      const vault = harness.core.vault();
      const caseId = createCase(vault, { title, kind: 'child-safety' }).id;
      const photo = [fixture('exif', 'Canon_EOS_D60.jpg')];
      const results = await startIngest(vault, harness.core.decoder(), caseId, photo, () => {})
        .finished;
      itemId = results[0]?.item?.id ?? '';
      harness.core.hashlists.label(itemId, categoryId, null);
    },
  });
  return { session, itemId };
}
