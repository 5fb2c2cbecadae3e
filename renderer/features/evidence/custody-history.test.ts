import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { describeEntry as describe_ } from './CustodyHistory.tsx';

const en = createIntl({ locale: 'en' });
const describeEntry = (
  ...args: Parameters<typeof describe_> extends [unknown, ...infer R] ? R : never
) => describe_(en, ...args);

describe('custody history in words', () => {
  it('says what happened to the item', () => {
    expect(describeEntry('item.ingested', { source: 'фото.jpg' })).toBe('Ingested from фото.jpg');
    expect(describeEntry('item.unveiled', { step: 'outline', seconds: 3 })).toBe(
      'Unveiled to outline for up to 3 s',
    );
    expect(describeEntry('item.veiled', { seconds: 2.9, highest: 'plain' })).toBe(
      'Veiled again after 2.9 s (reached colour)',
    );
    expect(describeEntry('item.categorised', { severity: 5 })).toBe('Severity set to 5');
    expect(describeEntry('item.categorised', { category: null, previous: 'doxxing' })).toBe(
      'Category cleared',
    );
    expect(describeEntry('item.annotated', { tagAdded: 'escalated' })).toBe('Tagged “escalated”');
    expect(describeEntry('item.annotated', { noteId: 'x' })).toBe('Note added');
    expect(describeEntry('item.labelled', { category: 'uk:B', previous: null })).toBe(
      'Labelled uk:B',
    );
    expect(describeEntry('item.labelled', { category: 'uk:A', previous: 'uk:B' })).toBe(
      'Label uk:B replaced by uk:A',
    );
    expect(describeEntry('match.confirmed', { hashType: 'pdq', distance: 12 })).toBe(
      'Hash-list match confirmed (pdq, distance 12)',
    );
    expect(describeEntry('match.rejected', { hashType: 'md5', distance: 0 })).toBe(
      'Hash-list match rejected (md5)',
    );
  });

  it('names a category by its label when it knows it', () => {
    const label = (code: string) => (code === 'doxxing' ? 'Doxxing' : code);
    expect(describeEntry('item.categorised', { category: 'doxxing' }, label)).toBe(
      'Categorised as Doxxing',
    );
  });

  it('speaks the interface language, numbers and plural included', () => {
    const ru = createIntl({
      locale: 'ru',
      messages: {
        'custody.veiled': 'Снова скрыто через {seconds, number} с (дошло до: {step})',
        'reveal.word.plain': 'цвет',
      },
    });
    expect(describe_(ru, 'item.veiled', { seconds: 2.5, highest: 'plain' })).toBe(
      'Снова скрыто через 2,5 с (дошло до: цвет)',
    );
  });

  it('names an action it does not know by its own name', () => {
    expect(describeEntry('item.matched', {})).toBe('item.matched');
  });
});
