// The message catalogs: one flat JSON file per language, id → ICU message. English is the code's
// own defaultMessages, checked by catalogs.test.ts; the others are translations of it, with the
// plural forms their language needs. Terms are fixed in docs/glossary.md.
import en from './catalogs/en.json' with { type: 'json' };
import ar from './catalogs/ar.json' with { type: 'json' };
import fa from './catalogs/fa.json' with { type: 'json' };
import ru from './catalogs/ru.json' with { type: 'json' };
import type { InterfaceLanguage } from './languages.ts';

export type Catalog = Readonly<Record<string, string>>;

export const catalogs: Readonly<Record<InterfaceLanguage, Catalog>> = { en, ar, fa, ru };
