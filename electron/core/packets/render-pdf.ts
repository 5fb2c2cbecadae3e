// HTML → PDF by Chromium, because only a browser engine shapes Arabic and orders right-to-left text
// correctly (pdfkit and pdf-lib do neither). The packet builder takes the renderer as a function:
// the app passes one built on Electron's webContents.printToPDF; the CLI and tests use this one,
// which drives the system's Chromium through playwright-core, loaded only when called.
import { childEnv } from '../child-env.ts';

export type RenderPdf = (html: string) => Promise<Buffer>;

/** Headless, offline and quiet: shared with the end-to-end tests' browser (tests/e2e/support.ts). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Where Chromium lives: CUSTODY_CHROMIUM, else Debian's path. */
export const chromiumPath = () => process.env['CUSTODY_CHROMIUM'] ?? '/usr/bin/chromium';

export const chromiumPdf: RenderPdf = async (html) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    env: childEnv(),
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    // The report references nothing; refuse any request anyway.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await browser.close();
  }
};
