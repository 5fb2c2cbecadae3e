// --format auto: the format from the file's first bytes. A list of bare 64-digit hex could be
// SHA-256 or PDQ, which nothing in the file tells apart: that one must be named.
import { basename } from 'node:path';
import type { HashListFormat } from '../../../../shared/domain/hashlist.ts';
import { head } from '../list-text.ts';
import { HashListRefusedError } from '../list-errors.ts';
import { canonicalHashType } from '../hash-types.ts';
import { PYTX_DATASET_HEADER } from './pytx.ts';

const BARE_HEX: Record<number, HashListFormat> = { 32: 'md5', 40: 'sha1' };

export async function detectFormat(path: string): Promise<HashListFormat> {
  const text = await head(path);
  const start = text.trimStart();
  if (start.startsWith('<')) return 'ncmec';
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/"(?:@odata\.context|odata\.metadata)"/.test(text)) return 'vics';
    if (/"hashValue"/i.test(text)) return 'stopncii';
    if (/"hash_digest"/i.test(text)) return 'tcap';
    throw new HashListRefusedError(
      basename(path),
      'a JSON file of no known list format; name one with --format',
    );
  }
  const first =
    start
      .split(/\r?\n/)
      .find((l) => l.trim() && !l.startsWith('#'))
      ?.trim() ?? '';
  if (PYTX_DATASET_HEADER.test(first)) return 'pytx';
  if (first.includes(';') && /\bmd5\b|\bsha1\b|photodna/i.test(first)) return 'icse';
  if (first.includes(',') && first.split(',').some((c) => canonicalHashType(c.replace(/"/g, ''))))
    return 'csv';
  const [a, b] = first.split(/\s+/);
  if (a && b && canonicalHashType(a)) return 'pytx';
  const bare = BARE_HEX[/^[0-9a-f]+$/i.test(a ?? '') ? (a ?? '').length : 0];
  if (bare) return bare;
  if (/^[0-9a-f]{64}$/i.test(a ?? ''))
    throw new HashListRefusedError(
      basename(path),
      '64-digit hex could be SHA-256 or PDQ; name it with --format sha256 or --format pdq',
    );
  throw new HashListRefusedError(
    basename(path),
    'not a hash list format Custody knows; name one with --format',
  );
}
