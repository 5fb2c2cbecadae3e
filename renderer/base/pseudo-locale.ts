// A pseudo-locale for tests: every message of the English catalog with its letters swapped for
// look-alikes and wrapped in brackets, placeholders and plural syntax untouched. A reviewer never
// sees it; with the OS language set to `en-XA` (the usual pseudo-locale tag) any English still
// on screen is text that bypassed the catalogs.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Catalog } from '../../shared/i18n/catalogs.ts';

export const PSEUDO_LOCALE = 'en-XA';

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOOKALIKE = 'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀɃÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const swap = new Map([...ASCII].map((c, i) => [c, [...LOOKALIKE][i] ?? c]));

export function pseudoText(text: string): string {
  return [...text].map((c) => swap.get(c) ?? c).join('');
}

function transform(elements: MessageFormatElement[]): void {
  for (const element of elements) {
    if (element.type === TYPE.literal) element.value = pseudoText(element.value);
    if (element.type === TYPE.tag) transform(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) transform(option.value);
    }
  }
}

export function pseudoMessage(message: string): string {
  const ast = parse(message);
  transform(ast);
  return `⟦${printAST(ast)}⟧`;
}

export function pseudoCatalog(english: Catalog): Catalog {
  return Object.fromEntries(Object.entries(english).map(([id, m]) => [id, pseudoMessage(m)]));
}
