// The grid's search through the real store: Unicode case folding, later acquisitions' names, hash
// prefixes, tags and notes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustodyCore } from '../core.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { getItem, listItems } from './item.service.ts';
import { addNote, tagItems } from '../triage/triage.service.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let removeFiles: () => Promise<void>;
let caseId: string;
const id: Record<string, string> = {};

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  const files = await tempDir();
  removeFiles = files.cleanup;
  caseId = createCase(core.vault(), { title: 'Search', kind: 'harassment' }).id;
  const named = {
    russian: ['basn0g08.png', 'Фото_Паспорта.png'],
    arabic: ['basn2c08.png', 'صورة_كتاب.png'],
    farsi: ['basn6a08.png', 'عکس_مدرک.png'],
    greek: ['basi0g08.png', 'ΦΩΤΟΓΡΑΦΙΑ.png'],
  } as const;
  const paths: string[] = [];
  for (const [key, [source, name]] of Object.entries(named)) {
    const to = join(files.path, name);
    await copyFile(fixture('pngsuite', source), to);
    paths.push(to);
    id[key] = name;
  }
  // The Russian photo again under another name, in another folder: its second acquisition.
  await mkdir(join(files.path, 'second'));
  const again = join(files.path, 'second', 'скриншот_чата.png');
  await copyFile(fixture('pngsuite', 'basn0g08.png'), again);
  const run = startIngest(core.vault(), core.decoder(), caseId, [...paths, again], () => {});
  const results = await run.finished;
  for (const r of results) {
    const key = Object.keys(id).find((k) => id[k] === r.item?.originalName);
    if (key && r.item) id[key] = r.item.id;
  }
});
afterAll(async () => {
  await cleanup();
  await removeFiles();
});

const found = (search: string) =>
  listItems(core.vault(), caseId, 0, 100, { search })
    .items.map((i) => i.id)
    .sort();

describe('item search', () => {
  it('folds case in Cyrillic and Greek, and Arabic and Persian letter forms', () => {
    expect(found('фото_паспорта')).toEqual([id['russian']]);
    expect(found('ПАСПОРТ')).toEqual([id['russian']]);
    expect(found('φωτογραφια')).toEqual([id['greek']]);
    // Arabic kaf and teh marbuta typed for the Persian forms and back.
    expect(found('صوره_کتاب')).toEqual([id['arabic']]);
    expect(found('عكس')).toEqual([id['farsi']]);
    expect(found('.PNG')).toHaveLength(4);
  });

  it('finds an item by the name of a later acquisition, not by its folder', () => {
    expect(found('Скриншот')).toEqual([id['russian']]);
    expect(found('second')).toEqual([]);
  });

  it('finds an item by the hex prefix of any of its hashes', () => {
    const item = getItem(core.vault(), id['arabic'] ?? '');
    expect(found(item.md5.slice(0, 8))).toContain(item.id);
    expect(found(item.sha1.slice(0, 10).toUpperCase())).toContain(item.id);
    expect(found(item.sha256.slice(0, 12))).toEqual([item.id]);
    expect(item.pdq).not.toBeNull();
    expect(found((item.pdq ?? '').slice(0, 16))).toContain(item.id);
    // Too short to be a hash prefix, and not a name: nothing.
    expect(found(item.sha256.slice(0, 3) + 'zz')).toEqual([]);
  });

  it('finds tags and notes, every word needed', () => {
    const vault = core.vault();
    tagItems(vault, [id['farsi'] ?? ''], 'تهدید-مستقیم', true);
    addNote(vault, id['greek'] ?? '', 'Пользователь прислал ЭТО в 03:12');
    expect(found('تهديد')).toEqual([id['farsi']]);
    expect(found('пользователь это')).toEqual([id['greek']]);
    expect(found('пользователь паспорт')).toEqual([]);
  });
});
