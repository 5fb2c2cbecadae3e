// For the language tests: keys as an Arabic or Russian layout sends them (the physical code with
// that layout's character), and a scan of the page for English that bypassed the catalogs.
import type { Page } from 'playwright-core';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from '../../shared/i18n/catalogs/en.json' with { type: 'json' };

/** What each layout types on the keys the review uses (code → character). */
export const layouts = {
  ar: {
    KeyJ: 'ت',
    KeyK: 'ن',
    KeyR: 'ق',
    KeyV: 'ر',
    KeyT: 'ف',
    KeyN: 'ى',
    KeyE: 'ث',
    KeyS: 'س',
    KeyP: 'ح',
    KeyA: 'ش',
    KeyX: 'ء',
    Digit1: '١',
    Digit2: '٢',
    Digit3: '٣',
    Digit4: '٤',
    Digit5: '٥',
  },
  ru: {
    KeyJ: 'о',
    KeyK: 'л',
    KeyR: 'к',
    KeyV: 'м',
    KeyT: 'е',
    KeyN: 'т',
    KeyE: 'у',
    KeyS: 'ы',
    KeyP: 'з',
    KeyA: 'ф',
    KeyX: 'ч',
    Digit1: '1',
    Digit2: '2',
    Digit3: '3',
    Digit4: '4',
    Digit5: '5',
  },
} as const;
export type Layout = keyof typeof layouts;

/**
 * Presses a physical key as that layout would send it: a keydown with the key's code and the
 * layout's character, on the focused element (so the grid's own handler and the window's both see
 * it), then its keyup. Chromium cannot switch the OS layout, so the event is made in the page.
 */
export async function pressOn(
  page: Page,
  layout: Layout,
  code: keyof (typeof layouts)['ar'],
  modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {},
): Promise<void> {
  const key = layouts[layout][code];
  await page.evaluate(
    ({ code, key, modifiers }) => {
      const target = document.activeElement ?? document.body;
      for (const type of ['keydown', 'keyup']) {
        target.dispatchEvent(
          new KeyboardEvent(type, { code, key, bubbles: true, cancelable: true, ...modifiers }),
        );
      }
    },
    { code, key, modifiers },
  );
}

function literals(elements: MessageFormatElement[], out: string[]): void {
  for (const e of elements) {
    if (e.type === TYPE.literal) out.push(e.value);
    if (e.type === TYPE.tag) literals(e.children, out);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const o of Object.values(e.options)) literals(o.value, out);
  }
}

/** The English catalog's text pieces (between placeholders) worth looking for on a page. */
export function englishPieces(): { whole: Set<string>; phrases: string[] } {
  const pieces: string[] = [];
  for (const message of Object.values(en as Record<string, string>))
    literals(parse(message), pieces);
  const clean = pieces.map((p) => p.trim().replace(/^[\s.,:;()·←→+–—]+|[\s.,:;()·…]+$/g, ''));
  const letters = clean.filter((p) => /[A-Za-z]{2,}/.test(p));
  return {
    // A text that is exactly a catalog piece: a button's "Lock", a heading's "Cases".
    whole: new Set(letters),
    // A longer piece found inside any text: "No cases yet", "Keep the vault as it is".
    phrases: letters.filter((p) => p.split(/\s+/).length >= 3),
  };
}

/**
 * English catalog text on the page, outside what is the evidence's or the reviewer's own (names,
 * titles, notes, hashes, key caps: bdi, code, pre, kbd, inputs) and names kept in every language.
 */
export async function englishOnPage(page: Page): Promise<string[]> {
  const { whole, phrases } = englishPieces();
  const texts = await page.evaluate(() => {
    const skip = 'bdi, code, pre, kbd, time, .file-name, script, style, [data-user-text]';
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const text = (n.textContent ?? '').trim();
      if (text) found.push(text);
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt]',
    )) {
      if (el.closest(skip)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) found.push(v);
      }
    }
    return found;
  });
  const kept =
    /^(Custody|SHA-256|SHA-1|MD5|PDQ|GPS|UTC|XMP|IPTC|Ctrl|Shift|Esc|Enter|Home|End|Tab)$/;
  return texts.filter((t) => {
    const bare = t.replace(/^[\s.,:;()·←→+–—]+|[\s.,:;()·…]+$/g, '');
    if (kept.test(bare)) return false;
    return whole.has(bare) || phrases.some((p) => t.includes(p));
  });
}
