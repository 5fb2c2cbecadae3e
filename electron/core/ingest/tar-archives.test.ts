// tar archives through the real ingest and decode process: a tar holding a .tar.gz and text files
// gives children with their parent and path inside it, recursively, whose text layers read back;
// links and devices are skipped with their reason, never followed; a '../' name is neutralised; a
// tar bomb and a tar cut short are kept as damaged evidence; a gzip of one text file gives it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCase } from '../cases/case.service.ts';
import { getItem, listItems } from '../items/item.service.ts';
import type { CustodyCore } from '../core.ts';
import type { IngestFileResult, Item } from '../../../shared/domain/item.ts';
import { startIngest } from './ingest.service.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import {
  SENTENCES,
  nestedTar,
  tarBomb,
  truncatedTar,
} from '../../../tests/fixtures/written/index.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let src: { path: string; cleanup: () => Promise<void> };
let caseId: string;
let results: IngestFileResult[];
/** Not in any tar here: the gzip's member must not be a duplicate of one of theirs. */
const GZ_TEXT = `${SENTENCES.english}\n${SENTENCES.arabic}\n`;

const byPath = (path: string): Item => {
  const r = results.find((x) => x.path === path);
  if (!r?.item) throw new Error(`${path}: ${r?.status ?? 'missing'} ${r?.reason ?? ''}`);
  return getItem(core.vault(), r.item.id);
};
const childrenOf = (parentId: string) =>
  listItems(core.vault(), caseId, 0, 100, { parentId }).items;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  src = await tempDir('custody-tar-');
  const dir = join(src.path, 'tars');
  await mkdir(dir);
  // Names that say nothing: the format is told by content.
  await writeFile(join(dir, 'outer.bin'), (await nestedTar()).bytes);
  await writeFile(join(dir, 'bomb.dat'), await tarBomb());
  await writeFile(join(dir, 'cut.tar'), await truncatedTar());
  await writeFile(join(dir, 'notes.txt.gz'), gzipSync(GZ_TEXT));
  caseId = createCase(core.vault(), { title: 'Tars', kind: 'threat-of-violence' }).id;
  results = await startIngest(core.vault(), core.decoder(), caseId, [dir], () => {}).finished;
}, 120_000);

afterAll(async () => {
  await cleanup();
  await src.cleanup();
});

describe('tar archives through ingest', () => {
  it('a tar holding a .tar.gz: children with parent and path, recursively, text readable', async () => {
    const outer = byPath('tars/outer.bin');
    expect(outer).toMatchObject({ kind: 'archive', mime: 'application/x-tar', damaged: null });
    const kids = childrenOf(outer.id);
    expect(kids.map((k) => [k.pathInParent, k.kind, k.parentId]).sort()).toEqual([
      ['docs/arabic.txt', 'text', outer.id],
      ['escape.txt', 'text', outer.id],
      ['inner.tar.gz', 'archive', outer.id],
      ['photos/photo.png', 'image', outer.id],
    ]);
    const arabic = kids.find((k) => k.pathInParent === 'docs/arabic.txt');
    expect((await core.items.text(arabic?.id ?? '')).text).toBe(`${SENTENCES.arabic}\n`);
    const inner = kids.find((k) => k.kind === 'archive');
    expect(inner).toMatchObject({ mime: 'application/gzip' });
    const deep = childrenOf(inner?.id ?? '');
    expect(deep.map((k) => [k.pathInParent, k.parentId])).toEqual([
      ['deep/russian.txt', inner?.id],
    ]);
    expect((await core.items.text(deep[0]?.id ?? '')).text).toBe(`${SENTENCES.russian}\n`);
  });

  it('links and devices are skipped with the reason, none becomes an item', () => {
    const outer = byPath('tars/outer.bin');
    expect(outer.facts['skipped']).toEqual([
      { path: 'passwd', type: 'symlink', reason: 'a symbolic link: never followed' },
      { path: 'again.txt', type: 'link', reason: 'a hard link: never followed' },
      { path: 'null', type: 'character-device', reason: 'a device node: never created' },
    ]);
    const names = listItems(core.vault(), caseId, 0, 1000).items.map((i) => i.originalName);
    expect(names).not.toContain('passwd');
    expect(names).not.toContain('null');
  });

  it('a tar bomb (a gzip of zeros) is kept whole and damaged, never unpacked', () => {
    const bomb = byPath('tars/bomb.dat');
    expect(bomb).toMatchObject({ kind: 'archive', mime: 'application/gzip' });
    expect(bomb.damaged).toMatch(/tar bomb limits/);
    expect(childrenOf(bomb.id)).toEqual([]);
  });

  it('a tar cut short is damaged evidence with the members read before the cut', async () => {
    const cut = byPath('tars/cut.tar');
    expect(cut.damaged).toMatch(/cut short or malformed after 2 members/);
    const kids = childrenOf(cut.id);
    expect(kids.map((k) => k.pathInParent).sort()).toEqual(['first.txt', 'second.txt']);
    const second = kids.find((k) => k.pathInParent === 'second.txt');
    expect((await core.items.text(second?.id ?? '')).text).toBe(`${SENTENCES.russian2}\n`);
  });

  it('a gzip of one text file gives that file as its one child, readable', async () => {
    const gz = byPath('tars/notes.txt.gz');
    expect(gz).toMatchObject({ kind: 'archive', mime: 'application/gzip', damaged: null });
    const kids = childrenOf(gz.id);
    expect(kids.map((k) => [k.pathInParent, k.kind])).toEqual([['notes.txt', 'text']]);
    expect((await core.items.text(kids[0]?.id ?? '')).text).toBe(GZ_TEXT);
  });
});
