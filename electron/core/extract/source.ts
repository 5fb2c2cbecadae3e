// Reading an ExtractSource, for the extractors that need its bytes whole.
import { readFile } from 'node:fs/promises';
import type { ExtractSource } from './extract-result.ts';

export async function bytesOf(source: ExtractSource): Promise<Uint8Array> {
  return 'bytes' in source ? source.bytes : new Uint8Array(await readFile(source.path));
}

/** At most `max` characters of `text`, and whether it was cut. */
export function keepChars(text: string, max: number): { text: string; cut: boolean } {
  return text.length > max ? { text: text.slice(0, max), cut: true } : { text, cut: false };
}
