// The written-evidence corpus through a real ingest (sniffing, the killable decode process, the
// sealed text layer): each file becomes its own kind, its text layer holds the known sentences,
// its images and attachments appear as children under it, and none of the sentences can be read
// anywhere on disk afterwards (vault, search index, OS temp folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { listItems } from '../../electron/core/items/item.service.ts';
import type { CustodyCore } from '../../electron/core/core.ts';
import type { IngestFileResult } from '../../shared/domain/item.ts';
import { listFiles, tempDir } from '../helpers/temp.ts';
import { scanForPlaintext } from '../helpers/plaintext-scan.ts';
import { freshCore } from '../helpers/vault.ts';
import { printedPdf } from '../fixtures/written/make-pdf.ts';
import { mhtml, savedHtml, wacz, warc } from '../fixtures/written/make-web.ts';
import { docx, odt } from '../fixtures/written/make-office.ts';
import { PHOTO, telegramJson, whatsappText, whatsappZip } from '../fixtures/written/make-chat.ts';
import { SENTENCE_BY_LANGUAGE } from '../fixtures/written/sentences.ts';

let core: CustodyCore;
let vaultDir: string;
let cleanup: () => Promise<void>;
let src: { path: string; cleanup: () => Promise<void> };
// Every fixture embeds the same red PNG: each gets a case of its own, or the image would be one
// item (a second acquisition) under whichever parent came first.
const results = new Map<string, IngestFileResult & { caseId: string }>();
let tmpBefore: Set<string>;

const FILES: [string, () => Promise<Buffer> | Buffer][] = [
  ['incident_report.pdf', printedPdf],
  ['page_capture.html', savedHtml],
  ['page_capture.mhtml', mhtml],
  ['capture.warc', () => warc()],
  ['capture.wacz', wacz],
  ['statement.docx', docx],
  ['statement.odt', odt],
  ['result.json', telegramJson],
  ['WhatsApp Chat with Ivan.txt', whatsappText],
  ['WhatsApp Chat with Ivan.zip', whatsappZip],
];

beforeAll(async () => {
  tmpBefore = new Set(await readdir(tmpdir()));
  ({ core, dir: vaultDir, cleanup } = await freshCore());
  src = await tempDir('custody-written-');
  for (const [name, make] of FILES) await writeFile(join(src.path, name), await make());
  for (const [name] of FILES) {
    const c = createCase(core.vault(), { title: name, kind: 'threat-of-violence' });
    const run = startIngest(core.vault(), core.decoder(), c.id, [join(src.path, name)], () => {});
    const [result] = await run.finished;
    results.set(name, { ...result!, caseId: c.id });
  }
}, 120_000);
afterAll(async () => {
  await cleanup();
  await src.cleanup();
});

const item = (name: string) => {
  const r = results.get(name);
  expect(r?.status, `${name}: ${r?.reason ?? ''}`).toBe('ingested');
  return r!.item!;
};
const textOf = async (name: string) => (await core.items.text(item(name).id)).text;
const childrenOf = (name: string) =>
  listItems(core.vault(), results.get(name)!.caseId, 0, 100, { parentId: item(name).id }).items;

describe('written evidence through ingest', () => {
  it.each([
    ['incident_report.pdf', 'pdf'],
    ['page_capture.html', 'web'],
    ['page_capture.mhtml', 'web'],
    ['capture.warc', 'web'],
    ['capture.wacz', 'web'],
    ['statement.docx', 'document'],
    ['statement.odt', 'document'],
    ['result.json', 'chat'],
    ['WhatsApp Chat with Ivan.txt', 'chat'],
    ['WhatsApp Chat with Ivan.zip', 'chat'],
  ])('%s becomes a %s item whose text layer holds the four sentences', async (name, kind) => {
    expect(item(name).kind).toBe(kind);
    const text = await textOf(name);
    const expected = name.startsWith('WhatsApp')
      ? [SENTENCE_BY_LANGUAGE.ru, SENTENCE_BY_LANGUAGE.ar, SENTENCE_BY_LANGUAGE.fa]
      : Object.values(SENTENCE_BY_LANGUAGE);
    for (const sentence of expected) expect(text, `${name}: ${sentence}`).toContain(sentence);
  });

  it.each([
    ['incident_report.pdf', 'images/page-1-1.png', 'image'],
    ['page_capture.html', 'images/image-1.png', 'image'],
    ['page_capture.mhtml', 'images/red.png', 'image'],
    ['capture.warc', 'images/red.png', 'image'],
    ['statement.docx', 'word/media/image1.png', 'image'],
    ['statement.odt', 'Pictures/red.png', 'image'],
    ['WhatsApp Chat with Ivan.zip', PHOTO, 'image'],
  ])(
    '%s has its image as a child item with its path, veiled like any image',
    (name, path, kind) => {
      const children = childrenOf(name);
      expect(children.map((c) => [c.pathInParent, c.kind])).toEqual([[path, kind]]);
      expect(children[0]!.parentId).toBe(item(name).id);
    },
  );

  it('gives the PDF a veiled frame for each page', () => {
    const frames = core
      .vault()
      .db.prepare('SELECT page FROM item_frames WHERE item_id = ? ORDER BY page')
      .pluck()
      .all(item('incident_report.pdf').id);
    expect(frames).toEqual([1, 2]);
  });

  it('leaves none of the sentences readable in the vault (search index included) or the OS temp folder', async () => {
    const markers = Object.values(SENTENCE_BY_LANGUAGE).filter(
      (s) => s !== SENTENCE_BY_LANGUAGE.en,
    );
    expect(await scanForPlaintext(await listFiles(vaultDir), markers)).toEqual([]);
    const fresh = (await readdir(tmpdir())).filter(
      (n) => !tmpBefore.has(n) && !vaultDir.endsWith(n) && !src.path.endsWith(n),
    );
    const tmpFiles = (
      await Promise.all(
        fresh.map((n) => listFiles(join(tmpdir(), n)).catch(() => [join(tmpdir(), n)])),
      )
    ).flat();
    expect(await scanForPlaintext(tmpFiles, markers)).toEqual([]);
  });
});
