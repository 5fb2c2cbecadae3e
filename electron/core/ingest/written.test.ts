// Written evidence through the real ingest: each file of the generated corpus becomes its kind,
// its text layer gives back the known sentences, children sit under their parents, bombs and
// encrypted archives are kept whole, a crashing reader leaves damaged evidence, search folds case
// and letter forms, and no sentence is readable anywhere on disk afterwards.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCase } from '../cases/case.service.ts';
import { listItems } from '../items/item.service.ts';
import { NodeDecodePool, type DecodeHost } from '../media/decode-pool.ts';
import { FAULT_ENV } from '../media/decode-protocol.ts';
import { childEnv } from '../vault/child-env.ts';
import type { CustodyCore } from '../core.ts';
import type { IngestFileResult, Item } from '../../../shared/domain/item.ts';
import { startIngest } from './ingest.service.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { listFiles, tempDir } from '../../../tests/helpers/temp.ts';
import { scanForPlaintext } from '../../../tests/helpers/plaintext-scan.ts';
import {
  SENTENCES,
  emlHtmlOnly,
  emlWithAttachments,
  encryptedZip,
  mbox,
  nestedZip,
  textFixtures,
  zipBomb,
} from '../../../tests/fixtures/written/index.ts';

let core: CustodyCore;
let vaultDir: string;
let cleanup: () => Promise<void>;
let src: { path: string; cleanup: () => Promise<void> };
let caseId: string;
let results: IngestFileResult[];
// This file's own temp folder, as TMPDIR for it and the decode processes it starts: other test
// files running beside it write the same corpus into the shared one.
let ownTmp: string;
let tmpBefore: string | undefined;

const byPath = (path: string): Item => {
  const r = results.find((x) => x.path === path);
  if (!r?.item) throw new Error(`${path}: ${r?.status ?? 'missing'} ${r?.reason ?? ''}`);
  return r.item;
};
const childrenOf = (parentId: string) =>
  listItems(core.vault(), caseId, 0, 100, { parentId }).items;

beforeAll(async () => {
  tmpBefore = process.env['TMPDIR'];
  ownTmp = await mkdtemp(join(tmpdir(), 'custody-written-tmp-'));
  process.env['TMPDIR'] = ownTmp;
  ({ core, dir: vaultDir, cleanup } = await freshCore());
  src = await tempDir('custody-written-');
  const dir = join(src.path, 'corpus');
  await mkdir(dir);
  for (const f of textFixtures()) await writeFile(join(dir, f.name), f.bytes);
  await writeFile(join(dir, 'threat.eml'), emlWithAttachments().bytes);
  await writeFile(join(dir, 'html-only.eml'), emlHtmlOnly());
  await writeFile(join(dir, 'inbox.mbox'), mbox());
  await writeFile(join(dir, 'outer.zip'), (await nestedZip()).bytes);
  await writeFile(join(dir, 'bomb.zip'), await zipBomb());
  await writeFile(join(dir, 'locked.zip'), encryptedZip());
  const vault = core.vault();
  caseId = createCase(vault, { title: 'Written', kind: 'threat-of-violence' }).id;
  results = await startIngest(vault, core.decoder(), caseId, [dir], () => {}).finished;
}, 120_000);

afterAll(async () => {
  await cleanup();
  await src.cleanup();
  if (tmpBefore === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = tmpBefore;
  await rm(ownTmp, { recursive: true, force: true });
});

describe('plain text in the encodings reviewers meet', () => {
  it.each(textFixtures().map((f) => [f.name, f] as const))(
    '%s: kind text, the sentences back, its encoding and language',
    async (name, f) => {
      const item = byPath(`corpus/${name}`);
      expect(item).toMatchObject({ kind: 'text', damaged: null });
      const layer = await core.items.text(item.id);
      expect(layer.text).toBe(f.text);
      expect(layer.encoding).toBe(f.encoding);
      expect(layer.detectedEncoding).toBe(f.encoding);
      expect(layer.language).toBe(f.language);
    },
  );

  it('re-reads the original in an encoding the reviewer chooses', async () => {
    const item = byPath('corpus/cp1251-russian.txt');
    const wrong = await core.items.text(item.id, 'KOI8-R');
    expect(wrong.encoding).toBe('KOI8-R');
    expect(wrong.detectedEncoding).toBe('windows-1251');
    expect(wrong.text).not.toContain('угроза');
    const right = await core.items.text(item.id, 'windows-1251');
    expect(right.text).toContain(SENTENCES.russian);
    await expect(core.items.text(item.id, 'no-such-encoding')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('filters the grid by language: Farsi apart from Arabic', () => {
    const names = (language: string) =>
      listItems(core.vault(), caseId, 0, 100, { language })
        .items.map((i) => i.originalName)
        .sort();
    expect(names('fa')).toEqual(
      [
        'corpus/cp1256-farsi.txt',
        'corpus/utf16be-farsi.txt',
        'corpus/utf8-bom-farsi.txt',
        'note.txt',
      ].sort(),
    );
    expect(names('ar')).toEqual(
      expect.arrayContaining(['corpus/cp1256-arabic.txt', 'corpus/iso8859-6-arabic.txt']),
    );
    expect(names('ar')).not.toContain('corpus/cp1256-farsi.txt');
  });
});

describe('e-mail', () => {
  it('an .eml: headers in facts, the body as text, both attachments as children', async () => {
    const eml = emlWithAttachments();
    const item = byPath('corpus/threat.eml');
    expect(item).toMatchObject({
      kind: 'email',
      mime: 'message/rfc822',
      eventAt: '2026-12-01T10:00:00.000Z',
    });
    const layer = await core.items.text(item.id);
    expect(layer.text).toContain(eml.body.trim());
    expect(layer.text).toContain('Subject: Угроза: последнее предупреждение');
    expect(layer.facts.headers).toMatchObject({
      From: 'Anon Sender <anon@example.org>',
      To: 'Moderator <mod@example.net>',
      Cc: 'Second <second@example.net>',
      'Message-ID': '<threat-1@example.org>',
    });
    expect((layer.facts.headers as { Received: string[] }).Received).toHaveLength(2);
    const kids = childrenOf(item.id);
    expect(kids.map((k) => [k.pathInParent, k.kind]).sort()).toEqual([
      ['attachments/note.txt', 'text'],
      ['attachments/photo.png', 'image'],
    ]);
    const note = kids.find((k) => k.kind === 'text');
    expect((await core.items.text(note?.id ?? '')).text).toBe(eml.attachment);
    // The attached image is veiled like any image: it has its eight previews.
    const photo = core.items.get(kids.find((k) => k.kind === 'image')?.id ?? '');
    expect(photo.width).toBeGreaterThan(0);
    expect(photo.acquisitions[0]?.sourcePath).toBe('corpus/threat.eml/attachments/photo.png');
  });

  it('an HTML-only body is reduced to text: no markup, no script', async () => {
    const layer = await core.items.text(byPath('corpus/html-only.eml').id);
    expect(layer.text).toContain(SENTENCES.english);
    expect(layer.text).not.toMatch(/<script|<p>|alert\(1\)/);
  });

  it('an mbox: every message in the text, each one an event of the timeline', async () => {
    const item = byPath('corpus/inbox.mbox');
    expect(item).toMatchObject({ kind: 'email', mime: 'application/mbox' });
    const layer = await core.items.text(item.id);
    expect(layer.text).toContain(SENTENCES.russian2);
    expect(layer.text).toContain(SENTENCES.arabic2);
    expect(layer.events.map((e) => [e.at, e.text])).toEqual([
      ['2026-11-30T09:00:00.000Z', 'first'],
      ['2026-12-01T09:00:00.000Z', 'second'],
    ]);
    const lines = layer.text.split('\n');
    expect(lines[(layer.events[1]?.line ?? 0) - 1]).toMatch(/^From: /);
    const timeline = core.items.timeline(caseId);
    expect(timeline.timeZone).toBe('UTC');
    expect(
      timeline.entries.filter((e) => e.itemId === item.id && e.source === 'event'),
    ).toHaveLength(2);
  });
});

describe('archives', () => {
  it('a ZIP holding a ZIP: members are children, recursively, the zip-slip name neutralised', async () => {
    const outer = byPath('corpus/outer.zip');
    expect(outer).toMatchObject({ kind: 'archive', mime: 'application/zip', damaged: null });
    const kids = childrenOf(outer.id);
    expect(kids.map((k) => [k.pathInParent, k.kind]).sort()).toEqual([
      ['docs/arabic.txt', 'text'],
      ['escape.txt', 'text'],
      ['inner.zip', 'archive'],
      ['photos/photo.png', 'image'],
    ]);
    const inner = kids.find((k) => k.kind === 'archive');
    const deep = childrenOf(inner?.id ?? '');
    expect(deep.map((k) => k.pathInParent)).toEqual(['deep/russian.txt']);
    expect((await core.items.text(deep[0]?.id ?? '')).text).toBe(`${SENTENCES.russian}\n`);
  });

  it('the grid by parent: top-level items only, each container counting its children', () => {
    const top = listItems(core.vault(), caseId, 0, 1000, { topLevel: true }).items;
    const all = listItems(core.vault(), caseId, 0, 1000).items;
    expect(top.every((i) => i.parentId === null)).toBe(true);
    expect(top.length).toBe(all.filter((i) => i.parentId === null).length);
    expect(top.length).toBeLessThan(all.length);
    const outer = top.find((i) => i.originalName === 'corpus/outer.zip');
    expect(outer?.childCount).toBe(4);
    for (const item of all) {
      expect(item.childCount).toBe(all.filter((k) => k.parentId === item.id).length);
    }
  });

  it('lists the languages detected in the case, each once', () => {
    const languages = core.items.languages(caseId);
    expect(languages).toEqual([...new Set(languages)].sort());
    expect(languages).toEqual(expect.arrayContaining(['ar', 'fa', 'ru']));
    const listed = listItems(core.vault(), caseId, 0, 1000).items;
    const counted = languages.map(
      (language) => listItems(core.vault(), caseId, 0, 1, { language }).total,
    );
    expect(counted.every((n) => n > 0)).toBe(true);
    expect(counted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(listed.length);
  });

  it('a zip bomb is kept whole and damaged, never unpacked', () => {
    const bomb = byPath('corpus/bomb.zip');
    expect(bomb.kind).toBe('archive');
    expect(bomb.damaged).toMatch(/zip bomb/);
    expect(childrenOf(bomb.id)).toEqual([]);
  });

  it('an encrypted ZIP is kept whole with the encrypted flag', () => {
    const locked = byPath('corpus/locked.zip');
    expect(locked.flags).toContain('encrypted');
    expect(childrenOf(locked.id)).toEqual([]);
  });

  it('records each derivation in the custody log: parent, path and hashes', () => {
    const outer = byPath('corpus/outer.zip');
    const entries = core
      .vault()
      .db.prepare("SELECT details FROM custody_entries WHERE action = 'item.ingested'")
      .pluck()
      .all() as string[];
    const derived = entries
      .map((d) => JSON.parse(d) as Record<string, unknown>)
      .filter((d) => d.parentId === outer.id);
    expect(derived.map((d) => d.pathInParent).sort()).toEqual([
      'docs/arabic.txt',
      'escape.txt',
      'inner.zip',
      'photos/photo.png',
    ]);
    for (const d of derived) {
      expect(d.parentSha256).toBe(outer.sha256);
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('search', () => {
  const hitsFor = (query: string) => core.search.query(caseId, query, 500).hits;

  it('finds Cyrillic in any case, with the line and the word marked', () => {
    for (const q of ['УГРОЗА', 'угроза', 'Угроза']) {
      const hits = hitsFor(q).filter((h) => h.field === 'text');
      expect(hits.length, q).toBeGreaterThan(3);
      for (const h of hits) {
        expect(h.line).toBeGreaterThan(0);
        const [start, end] = h.marks[0] ?? [0, 0];
        expect(h.snippet.slice(start, end).toLowerCase()).toMatch(/^угроз/);
      }
    }
  });

  it('finds Persian across Arabic letter forms: ي/ی and ك/ک', () => {
    // The Windows-1256 Farsi file spells یک with an Arabic yeh; the UTF-8 ones with a Persian yeh.
    const persian = hitsFor('یک').map((h) => h.itemId);
    const arabicForms = hitsFor('يك').map((h) => h.itemId);
    expect(new Set(persian)).toEqual(new Set(arabicForms));
    expect(persian).toContain(byPath('corpus/cp1256-farsi.txt').id);
    expect(persian).toContain(byPath('corpus/utf8-bom-farsi.txt').id);
  });

  it('ignores tatweel and diacritics, and finds e-mail headers and names', () => {
    const plain = hitsFor('رسالة').map((h) => h.itemId);
    expect(plain.length).toBeGreaterThan(0);
    expect(hitsFor('رســالة').map((h) => h.itemId)).toEqual(plain);
    expect(hitsFor('رِسَالَة').map((h) => h.itemId)).toEqual(plain);
    expect(hitsFor('threat-1@example.org').some((h) => h.field === 'header')).toBe(true);
    expect(hitsFor('koi8r').some((h) => h.field === 'name')).toBe(true);
    const sha = byPath('corpus/outer.zip').sha256;
    expect(hitsFor(sha.slice(0, 10))).toContainEqual(
      expect.objectContaining({ field: 'hash', itemId: byPath('corpus/outer.zip').id }),
    );
  });
});

describe('at rest', () => {
  it('leaves no sentence or word of the corpus readable in the vault (FTS and WAL included) or the OS temp folder', async () => {
    const words = Object.values(SENTENCES).flatMap((s) =>
      s.split(/[\s،,.:—“”]+/).filter((w) => w.length >= 6),
    );
    const markers = [...Object.values(SENTENCES), ...words];
    const vaultFiles = await listFiles(vaultDir);
    expect(vaultFiles.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(await scanForPlaintext(vaultFiles, markers)).toEqual([]);
    expect(tmpdir()).toBe(ownTmp);
    const newTmp = (await readdir(ownTmp)).filter(
      (n) => !vaultDir.endsWith(n) && !src.path.endsWith(n),
    );
    const tmpFiles = (
      await Promise.all(
        newTmp.map((n) => listFiles(join(ownTmp, n)).catch(() => [join(ownTmp, n)])),
      )
    ).flat();
    expect(await scanForPlaintext(tmpFiles, markers)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('a reader that crashes its process leaves the file as damaged evidence, and the batch goes on', async () => {
    const pool = new NodeDecodePool({ size: 1, env: { ...childEnv(), [FAULT_ENV]: '1' } });
    const crashing: DecodeHost = {
      start: () => pool.start(),
      decode: (s, o) => pool.decode(s, o),
      extract: (kind, s, o) => pool.extract(kind, s, { ...o, fault: 'exit' }),
      secondFrames: (s, from, o) => pool.secondFrames(s, from, o),
      close: () => pool.close(),
    };
    try {
      const dir = join(src.path, 'crash');
      await mkdir(dir);
      await writeFile(join(dir, 'a.txt'), `${SENTENCES.english}\n`);
      await writeFile(join(dir, 'b.txt'), `${SENTENCES.russian}\n`);
      const vault = core.vault();
      const c = createCase(vault, { title: 'Crash', kind: 'other' });
      const out = await startIngest(vault, crashing, c.id, [dir], () => {}).finished;
      expect(out.map((r) => r.status)).toEqual(['ingested', 'ingested']);
      for (const r of out) {
        expect(r.item?.kind).toBe('text');
        expect(r.item?.damaged).toMatch(/crashed/);
        expect(r.item?.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});
