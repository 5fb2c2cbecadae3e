// Packet reports to PDF with Chromium's own printToPDF: an offscreen window in its own in-memory
// session that loads only the report (a data: URL) with JavaScript off and every other request refused.
import { BrowserWindow, session } from 'electron';
import type { RenderPdf } from '../core/packets/render-pdf.ts';

const PARTITION = 'custody-report-pdf';

export const printToPdf: RenderPdf = async (html) => {
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith('data:text/html') }),
  );
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: ses,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      offscreen: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      generateTaggedPDF: true,
    });
  } finally {
    win.destroy();
  }
};
