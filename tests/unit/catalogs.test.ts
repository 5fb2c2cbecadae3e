// The catalogs against the code and against each language's grammar: English is exactly what the
// code declares; every other catalog has every id, the same placeholders, and in each plural the
// categories its language needs (Intl.PluralRules: Arabic six, Russian four, Farsi two).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import { interfaceLanguages } from '../../shared/i18n/languages.ts';
import { englishCatalog, extractMessages } from '../../scripts/i18n/extract-messages.ts';

const root = join(import.meta.dirname, '..', '..');
const extracted = extractMessages(root);

interface Shape {
  /** Every argument and tag the message uses, by name. */
  names: Set<string>;
  plurals: { name: string; ordinal: boolean; keys: string[] }[];
}

function shapeOf(
  elements: MessageFormatElement[],
  shape: Shape = { names: new Set(), plurals: [] },
) {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    shape.names.add(e.value);
    if (e.type === TYPE.tag) shapeOf(e.children, shape);
    if (e.type === TYPE.plural) {
      shape.plurals.push({
        name: e.value,
        ordinal: e.pluralType === 'ordinal',
        keys: Object.keys(e.options),
      });
    }
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}

/** Words a translation may keep from English: names of algorithms and formats. */
const untranslatable = /^[\s\d{}#.,:;·/()–—-]*$|^(PDQ|SHA-256|SHA-1|MD5|EXIF|ZIP|PDF|age|JSON)\b/;

describe('message catalogs', () => {
  it('declares every message with a literal id and English text, one text per id', () => {
    expect(extracted.problems).toEqual([]);
  });

  it('has English exactly as the code declares it (node scripts/i18n/extract-messages.ts --write)', () => {
    expect(catalogs.en).toEqual(englishCatalog(extracted));
  });

  for (const language of interfaceLanguages.filter((l) => l !== 'en')) {
    describe(language, () => {
      const catalog: Record<string, string> = catalogs[language];
      const categories = (ordinal: boolean) =>
        new Intl.PluralRules(language, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions()
          .pluralCategories;

      it('has every English id and no other', () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(catalogs.en).sort());
      });

      it('keeps every placeholder and tag, and each plural has exactly the forms the language has', () => {
        const wrong: string[] = [];
        for (const [id, english] of Object.entries(catalogs.en)) {
          const translated = catalog[id];
          if (translated === undefined) continue;
          let shape: Shape;
          try {
            shape = shapeOf(parse(translated));
          } catch (e) {
            wrong.push(`${id}: does not parse (${(e as Error).message})`);
            continue;
          }
          const want = [...shapeOf(parse(english)).names].sort();
          if ([...shape.names].sort().join() !== want.join())
            wrong.push(
              `${id}: uses {${[...shape.names].join(', ')}}, English {${want.join(', ')}}`,
            );
          for (const p of shape.plurals) {
            const need = categories(p.ordinal);
            const forms = p.keys.filter((k) => !k.startsWith('='));
            const missing = need.filter((c) => !forms.includes(c));
            const extra = forms.filter((k) => !need.includes(k as Intl.LDMLPluralRule));
            if (missing.length || extra.length)
              wrong.push(
                `${id}: {${p.name}} lacks [${missing.join(' ')}], has extra [${extra.join(' ')}]`,
              );
          }
        }
        expect(wrong).toEqual([]);
      });

      it('translates every message (English left only for names such as SHA-256)', () => {
        const same = Object.entries(catalogs.en)
          .filter(([id, english]) => catalog[id] === english && !untranslatable.test(english))
          .map(([id]) => id);
        expect(same).toEqual([]);
      });
    });
  }

  it('knows the plural categories the test relies on (Arabic six, Russian four, Farsi two)', () => {
    const count = (l: string) => new Intl.PluralRules(l).resolvedOptions().pluralCategories.length;
    expect([count('ar'), count('ru'), count('fa'), count('en')]).toEqual([6, 4, 2, 2]);
  });
});
