// Plain text: the file's bytes decoded in the encoding detected, as the text layer.
import { emptyResult, type Extractor } from '../extract-result.ts';
import { detectAndDecode } from './decode-text.ts';
import { bytesOf, keepChars } from '../source.ts';

export const extractText: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  const { text, encoding } = detectAndDecode(bytes);
  const result = emptyResult('text');
  const kept = keepChars(text, limits.maxTextChars);
  result.text = kept.text;
  result.encoding = encoding;
  result.facts = { encoding, lines: kept.text.split('\n').length };
  if (kept.cut) result.damaged = `the text was cut at ${limits.maxTextChars} characters`;
  return result;
};
