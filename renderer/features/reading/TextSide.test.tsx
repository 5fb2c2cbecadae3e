// @vitest-environment happy-dom
// The side panel names each fact in the interface's language and formats its value; no raw key
// of a known fact is shown, and an unknown one is shown as it came.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntlProvider } from 'react-intl';
import { render, type Rendered } from '../../../tests/helpers/react-render.ts';
import { resetAllStores } from '../../base/store.ts';
import ru from '../../../shared/i18n/catalogs/ru.json' with { type: 'json' };
import { useReading } from './reading.store.ts';
import { TextSide } from './TextSide.tsx';

const ITEM = 'i_aaaaaaaaaaaaaaaa';
const CASE = 'c_aaaaaaaaaaaaaaaa';

let shown: Rendered | undefined;
beforeEach(() => {
  resetAllStores();
  useReading.setState({
    itemId: ITEM,
    text: {
      itemId: ITEM,
      text: 'x',
      encoding: 'windows-1251',
      detectedEncoding: 'windows-1251',
      language: 'ru',
      facts: {
        encoding: 'windows-1251',
        lines: 12345,
        unpackedBytes: 2048,
        hasScripts: true,
        participants: ['Ivan', 'Karim'],
        firstMessageAt: '2026-11-30T12:00:00.000Z',
        headers: { From: 'a@example.org', Received: ['by mx', 'by relay'] },
        madeUpByAnExtractor: 'kept',
      },
      links: [],
      events: [],
    },
  });
});
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

const rows = (): [string, string][] =>
  [...(shown?.container.querySelectorAll('dt') ?? [])].map((dt) => [
    dt.textContent ?? '',
    dt.nextElementSibling?.textContent ?? '',
  ]);
const factsShown = (): Record<string, string> => Object.fromEntries(rows());

describe('TextSide facts', () => {
  it('labels each known fact and formats its value', async () => {
    shown = await render(<TextSide caseId={CASE} itemId={ITEM} kind="text" />);
    const facts = factsShown();
    expect(facts).toMatchObject({
      'Language (detected)': 'Russian',
      Lines: '12,345',
      'Unpacked size': '2 kB',
      'Has scripts (never run)': 'Yes',
      Participants: 'Ivan and Karim',
      Headers: 'From: a@example.orgReceived: by mxReceived: by relay',
      madeUpByAnExtractor: 'kept',
    });
    expect(facts['First message']).toContain('2026-11-30T12:00Z');
    // The encoding has its own row, not a second one under its key.
    expect(rows().map(([k]) => k)).not.toContain('encoding');
    expect(rows().map(([k]) => k)).not.toContain('lines');
  });

  it('in Russian', async () => {
    shown = await render(
      <IntlProvider locale="ru" messages={ru}>
        <TextSide caseId={CASE} itemId={ITEM} kind="text" />
      </IntlProvider>,
    );
    const facts = factsShown();
    // Russian groups digits with a no-break space.
    expect(facts[ru['fact.lines']]).toBe('12\u00a0345');
    expect(facts[ru['reading.language.detected']]).toBe('русский');
    expect(facts[ru['fact.hasScripts']]).toBe(ru['fact.yes']);
  });
});
