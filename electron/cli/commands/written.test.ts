// The real `custody` CLI on written evidence: item text with encoding and language, item list with
// children under their parent, item show's kind and mime, and search with item id and line.
import { describe, it, expect, afterAll } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliVaultWithCase, runCustody, type CliVault } from '../../../tests/helpers/cli.ts';
import {
  SENTENCES,
  emlWithAttachments,
  textFixtures,
} from '../../../tests/fixtures/written/index.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { CustodyCore } from '../../core/core.ts';
import { allEntries } from '../../core/custody/custody-log.ts';

let v: CliVault;
afterAll(async () => {
  await v.cleanup();
});

describe('custody and written evidence', () => {
  it('item text, item list --parent, item show, search', async () => {
    v = await cliVaultWithCase('pass phrase for written');
    const koi8 = textFixtures().find((f) => f.encoding === 'KOI8-R');
    if (!koi8) throw new Error('no KOI8-R fixture');
    await writeFile(join(v.root, 'koi8.txt'), koi8.bytes);
    await writeFile(join(v.root, 'threat.eml'), emlWithAttachments().bytes);
    const ingested = await runCustody([
      'ingest',
      '--case',
      v.caseId,
      join(v.root, 'koi8.txt'),
      join(v.root, 'threat.eml'),
      ...v.base,
    ]);
    expect(ingested.code).toBe(0);

    const list = await runCustody(['item', 'list', '--case', v.caseId, ...v.base]);
    const items = (list.json as { items: ItemSummary[] }).items;
    expect(items).toHaveLength(4);
    const text = items.find((i) => i.originalName.endsWith('koi8.txt'));
    const eml = items.find((i) => i.kind === 'email');
    expect(
      items
        .filter((i) => i.parentId === eml?.id)
        .map((i) => i.pathInParent)
        .sort(),
    ).toEqual(['attachments/note.txt', 'attachments/photo.png']);
    const children = await runCustody([
      'item',
      'list',
      '--case',
      v.caseId,
      '--parent',
      eml?.id ?? '',
      ...v.base,
    ]);
    expect((children.json as { items: ItemSummary[] }).items).toHaveLength(2);

    const shown = await runCustody(['item', 'show', eml?.id ?? '', ...v.base]);
    expect(shown.json).toMatchObject({ kind: 'email', mime: 'message/rfc822' });

    const layer = await runCustody(['item', 'text', text?.id ?? '', ...v.base]);
    expect(layer.json).toMatchObject({ text: koi8.text, encoding: 'KOI8-R', language: 'ru' });
    const human = await runCustody([
      'item',
      'text',
      text?.id ?? '',
      ...v.base.filter((a) => a !== '--json'),
    ]);
    expect(human.stdout).toContain(SENTENCES.russian);

    const found = await runCustody(['search', '--case', v.caseId, 'ПРЕКРАТИШЬ', ...v.base]);
    expect(found.code).toBe(0);
    const hits = (found.json as { hits: { itemId: string; line: number | null; field: string }[] })
      .hits;
    expect(hits).toContainEqual(
      expect.objectContaining({ itemId: text?.id, field: 'text', line: 1 }),
    );
    expect(hits.some((h) => h.itemId === eml?.id)).toBe(true);
  }, 120_000);

  it('item text refuses a child-safety case’s text without --reveal, and logs the reveal', async () => {
    const pass = 'pass phrase for the text gate';
    const g = await cliVaultWithCase(pass);
    try {
      const c = await runCustody([
        'case',
        'create',
        '--title',
        'G',
        '--kind',
        'child-safety',
        ...g.base,
      ]);
      const caseId = (c.json as { id: string }).id;
      await writeFile(join(g.root, 'words.txt'), `${SENTENCES.russian}\n`);
      expect(
        (await runCustody(['ingest', '--case', caseId, join(g.root, 'words.txt'), ...g.base])).code,
      ).toBe(0);
      const list = await runCustody(['item', 'list', '--case', caseId, ...g.base]);
      const id = (list.json as { items: ItemSummary[] }).items[0]?.id ?? '';

      const refused = await runCustody(['item', 'text', id, ...g.base]);
      expect(refused.code).toBe(1);
      expect(refused.stdout + refused.stderr).toContain('TEXT_GATED');
      expect(refused.stdout + refused.stderr).not.toContain(SENTENCES.russian);

      const revealed = await runCustody(['item', 'text', id, '--reveal', ...g.base]);
      expect(revealed.code).toBe(0);
      expect(revealed.json).toMatchObject({ text: `${SENTENCES.russian}\n` });

      const core = new CustodyCore(g.vault, { access: 'read' });
      await core.unlock(pass);
      const actions = allEntries(core.vault().db)
        .filter((e) => e.itemId === id)
        .map((e) => e.action);
      await core.close();
      expect(actions.filter((a) => a.startsWith('item.text-'))).toEqual([
        'item.text-revealed',
        'item.text-closed',
      ]);
    } finally {
      await g.cleanup();
    }
  }, 120_000);
});
