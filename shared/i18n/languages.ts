// The interface languages, and the two facts about each that layout and wording depend on. Shared:
// the renderer and main's menus and dialogs speak the same language from the same catalogs.

export const interfaceLanguages = ['en', 'ar', 'fa', 'ru'] as const;
export type InterfaceLanguage = (typeof interfaceLanguages)[number];

const rightToLeft: ReadonlySet<InterfaceLanguage> = new Set(['ar', 'fa']);

export function isInterfaceLanguage(tag: unknown): tag is InterfaceLanguage {
  return typeof tag === 'string' && (interfaceLanguages as readonly string[]).includes(tag);
}

/** The first of the OS's preferred languages we speak ('ru-RU' → 'ru'), else English. */
export function matchLanguage(preferred: readonly string[]): InterfaceLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isInterfaceLanguage(base)) return base;
  }
  return 'en';
}

export function directionOf(language: InterfaceLanguage): 'rtl' | 'ltr' {
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}
