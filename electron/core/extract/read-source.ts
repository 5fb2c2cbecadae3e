// An extractor's input as bytes: the reviewer's file read once, or a child already in memory.
import { readFile } from 'node:fs/promises';
import type { ExtractSource } from './extract-result.ts';

export async function readSource(source: ExtractSource): Promise<Uint8Array> {
  return 'bytes' in source ? source.bytes : new Uint8Array(await readFile(source.path));
}
