import { stat } from 'node:fs/promises';
import type { ExtractSource } from '../extract-result.ts';

/** The size of the evidence, wherever it is. */
export async function sourceBytes(source: ExtractSource): Promise<number> {
  return 'bytes' in source ? source.bytes.length : (await stat(source.path)).size;
}
