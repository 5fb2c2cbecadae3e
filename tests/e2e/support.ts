// What every end-to-end test needs: a harness on a fresh temporary vault, Debian's Chromium driven
// by playwright-core, screenshots per step, axe checks, and a record of CSP violations and errors.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/core/packets/render-pdf.ts';
import { startHarness, type Harness, type HarnessOptions } from '../harness/server.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** Built fresh once per run by global-setup.ts, apart from the app's own out/renderer. */
export const e2eRendererDir = join(repoRoot, 'out', 'e2e-renderer');
export const screenshotDir = join(repoRoot, 'test-results', 'e2e');

export const PASSPHRASE = 'quiet harbour lantern seventeen';

export interface Session {
  harness: Harness;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Saves test-results/e2e/<prefix>-<nn>-<name>.png. */
  shot(name: string): Promise<void>;
  /** axe-core on the current screen; returns serious or critical violations, described. */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openSession(
  prefix: string,
  options: {
    passphrase?: string;
    before?: (harness: Harness) => Promise<void> | void;
    /** The scripted file picker (ingest:pick). */
    pickEvidence?: () => Promise<string[]>;
    /** The scripted save dialog (packets:pick-out). */
    pickPacketTarget?: (suggestedName: string) => Promise<string | null>;
    /** The OS language the page sees (navigator.languages), e.g. 'ar' or the pseudo-locale. */
    locale?: string;
    /** The scripted hash-list dialog (hashlists:pick). */
    pickHashList?: () => Promise<string | null>;
    /** The scripted XSD dialog (exports:pick-xsd). */
    pickXsd?: () => Promise<string | null>;
    /** The scripted open dialog of packets:pick-verify (a packet or handoff bundle, an identity). */
    pickVerifyFile?: HarnessOptions['pickVerifyFile'];
  } = {},
): Promise<Session> {
  const harnessOptions: HarnessOptions = { rendererDir: e2eRendererDir };
  if (options.passphrase !== undefined) harnessOptions.passphrase = options.passphrase;
  if (options.pickEvidence) harnessOptions.pickEvidence = options.pickEvidence;
  if (options.pickPacketTarget) harnessOptions.pickPacketTarget = options.pickPacketTarget;
  if (options.pickHashList) harnessOptions.pickHashList = options.pickHashList;
  if (options.pickXsd) harnessOptions.pickXsd = options.pickXsd;
  if (options.pickVerifyFile) harnessOptions.pickVerifyFile = options.pickVerifyFile;
  const harness = await startHarness(harnessOptions);
  await options.before?.(harness);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(harness.url);
  await mkdir(screenshotDir, { recursive: true });
  let step = 0;
  return {
    harness,
    browser,
    page,
    problems,
    shot: async (name) => {
      step += 1;
      const file = `${prefix}-${String(step).padStart(2, '0')}-${name}.png`;
      await page.screenshot({ path: join(screenshotDir, file), fullPage: true });
    },
    axe: async () => {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    },
    close: async () => {
      await browser.close();
      await harness.close();
    },
  };
}
