// A case's categorised hashes as a list to share back: plain (one MD5 per line), CSV, the
// ThreatExchange file format, or VICS 2.0 JSON. Only items with a label are exported; the text
// of file names never leaves (a recipient gets hashes and categories only).
import { link, unlink, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../store/db.ts';
import { InvalidInputError } from '../errors.ts';
import type { HashExportFormat } from '../../../shared/domain/hashlist.ts';

interface Row {
  id: string;
  md5: string;
  sha1: string;
  sha256: string;
  pdq: string | null;
  labels: string;
}

function rows(db: Db, caseId: string): Array<Row & { categories: string[] }> {
  return (
    db
      .prepare(
        `SELECT i.id, i.md5, i.sha1, i.sha256, i.pdq, group_concat(ic.category_id, ' ') AS labels
         FROM items i JOIN item_categories ic ON ic.item_id = i.id
         WHERE i.case_id = ? GROUP BY i.id ORDER BY i.created_at, i.id`,
      )
      .all(caseId) as Row[]
  ).map((r) => ({ ...r, categories: r.labels.split(' ').sort() }));
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function renderExport(
  db: Db,
  caseId: string,
  format: HashExportFormat,
): { text: string; count: number } {
  const items = rows(db, caseId);
  switch (format) {
    case 'plain':
      return { text: items.map((i) => `${i.md5}\n`).join(''), count: items.length };
    case 'csv':
      return {
        text:
          'md5,sha1,sha256,pdq,category\n' +
          items
            .flatMap((i) =>
              i.categories.map(
                (c) => [i.md5, i.sha1, i.sha256, i.pdq ?? '', c].map(csvField).join(',') + '\n',
              ),
            )
            .join(''),
        count: items.length,
      };
    case 'pytx':
      return {
        text: items
          .flatMap((i) => [`md5 ${i.md5}\n`, ...(i.pdq ? [`pdq ${i.pdq}\n`] : [])])
          .join(''),
        count: items.length,
      };
    case 'vics':
      return { text: JSON.stringify(vicsDocument(items), null, 2) + '\n', count: items.length };
  }
}

function vicsDocument(items: Array<Row & { categories: string[] }>) {
  return {
    '@odata.context':
      'http://github.com/ICMEC/ProjectVic/DataModels/2.0.xml/CUSTODY/$metadata#Cases',
    value: [
      {
        Media: items.map((i, n) => {
          const us = i.categories.find((c) => c.startsWith('vics-us:'));
          return {
            MediaID: n + 1,
            Category: us ? Number(us.slice('vics-us:'.length)) : null,
            MD5: i.md5.toUpperCase(),
            SHA1: i.sha1.toUpperCase(),
            ...(i.pdq ? { PDQ: i.pdq } : {}),
          };
        }),
      },
    ],
  };
}

/** Writes the export beside its target and links it in: no half file is left, an existing one is refused. */
export async function writeExport(path: string, text: string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, text, { flag: 'wx' });
  try {
    await link(partial, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InvalidInputError(`${basename(path)} already exists; choose another file.`);
    throw e;
  } finally {
    await unlink(partial);
  }
}
