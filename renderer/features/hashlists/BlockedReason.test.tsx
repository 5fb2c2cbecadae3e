// @vitest-environment happy-dom
// Why an item stays veiled, in the reviewer's language: the sentence is the catalog's, built from
// the core's facts (lists with the hash that matched, or known-illegal labels with their schemes);
// only the list's own name stays as it was written.
import { afterEach, describe, expect, it } from 'vitest';
import { IntlProvider } from 'react-intl';
import type { ReactElement } from 'react';
import { render, type Rendered } from '../../../tests/helpers/react-render.ts';
import { catalogs } from '../../../shared/i18n/catalogs.ts';
import type { InterfaceLanguage } from '../../../shared/i18n/languages.ts';
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';
import { BlockedReason } from './BlockedReason.tsx';

let shown: Rendered | undefined;
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

const one: RevealBlock = {
  kind: 'hash-list',
  matches: [{ listName: 'Known CSAM (test)', hashType: 'md5' }],
};
const two: RevealBlock = {
  kind: 'hash-list',
  matches: [
    { listName: 'NCMEC', hashType: 'sha1' },
    { listName: 'Известные', hashType: 'sha256' },
  ],
};
const labelled: RevealBlock = { kind: 'label', categoryIds: ['industry:A1', 'vics-us:1'] };

async function said(block: RevealBlock, locale: InterfaceLanguage = 'en'): Promise<string> {
  const element: ReactElement = (
    <IntlProvider locale={locale} messages={catalogs[locale]}>
      <BlockedReason block={block} />
    </IntlProvider>
  );
  shown = await render(element);
  return shown.container.textContent ?? '';
}

describe('BlockedReason', () => {
  it('names the known-illegal lists and the hash that matched', async () => {
    expect(await said(one)).toBe(
      'Stays veiled: it matches the known-illegal hash list “Known CSAM (test)” (MD5).',
    );
    await shown?.unmount();
    expect(await said(two)).toBe(
      'Stays veiled: it matches the known-illegal hash lists “NCMEC” (SHA-1) and “Известные” (SHA-256).',
    );
  });

  it('names known-illegal labels with their schemes', async () => {
    expect(await said(labelled)).toBe(
      'Stays veiled: it is labelled A1 in Industry classification (Tech Coalition, NCMEC reports) and CAM in Project VIC (US), categories never unveiled by default.',
    );
  });

  it('says it in Arabic, Farsi and Russian, none of the English left', async () => {
    for (const locale of ['ar', 'fa', 'ru'] as const) {
      for (const block of [one, two, labelled]) {
        const text = await said(block, locale);
        await shown?.unmount();
        expect(text, `${locale} ${block.kind}`).not.toMatch(
          /veiled|matches|labelled|hash list|category|Industry/,
        );
      }
    }
    expect(await said(one, 'ar')).toBe(
      'يبقى محجوبًا: يطابق قائمة تجزئات المحتوى غير القانوني المعروف «Known CSAM (test)» (MD5).',
    );
    await shown?.unmount();
    expect(await said(two, 'ru')).toBe(
      'Остаётся скрытым: совпадает со списками хешей известного незаконного контента «NCMEC» (SHA-1) и «Известные» (SHA-256).',
    );
  });
});
