// The notices file must name every package the app ships, as installed now.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NOTICES_FILE, renderNotices } from './third-party-notices.ts';

describe('THIRD-PARTY-NOTICES.md', () => {
  it('is current with the installed dependencies', async () => {
    expect(await readFile(NOTICES_FILE, 'utf8')).toBe(await renderNotices());
  });

  it('names the copyleft decoders Custody ships, with their licences', async () => {
    const notices = await readFile(NOTICES_FILE, 'utf8');
    expect(notices).toMatch(/^## @ffmpeg\/core 0\.12\.10\n\nLicence: GPL-2\.0-or-later$/m);
    expect(notices).toMatch(/^## libheif-js [\d.]+\n\nLicence: LGPL-3\.0$/m);
    expect(notices).toMatch(/^## mediabunny [\d.]+\n\nLicence: MPL-2\.0$/m);
  });
});
