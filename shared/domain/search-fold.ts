// Search text folding, one definition for the core's item search and the renderer's case list.
// Folds away what people type inconsistently: case (Unicode, not ASCII only: Cyrillic, Greek final
// sigma, German ß), diacritics and hamza (and so ё/е), the Arabic and Persian forms of yeh and kaf,
// teh marbuta, tatweel, ZWNJ, bidi marks, Arabic-Indic and Persian digits.

const letterForms: Record<string, string> = {
  ي: 'ی', // Arabic yeh → Persian yeh
  ى: 'ی', // alef maksura
  ك: 'ک', // Arabic kaf → keheh
  ة: 'ه', // teh marbuta
  ς: 'σ', // Greek final sigma: lower-casing "Σ" gives either, depending on its place in the word
  ß: 'ss', // full case folding: "STRASSE" finds "Straße"
};

function foldDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ch;
}

/** Text as search compares it; apply to both the query and what it is matched against. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u200d|[\u0640\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .toLowerCase()
    .replace(
      /[\u064a\u0649\u0643\u0629\u03c2\u00df\u0660-\u0669\u06f0-\u06f9]/g,
      (ch) => letterForms[ch] ?? foldDigit(ch),
    )
    .normalize('NFC');
}

/** The query's words, folded: a match needs every one of them somewhere. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}
