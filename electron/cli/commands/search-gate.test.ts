// The real `custody` CLI in a child-safety case, whose text is behind a step: search, item show and
// ingest answer none of the gated words, in human output or --json, until `item text --reveal`
// prints them (so the words are there to find, and the gate is what keeps them back).
import { describe, it, expect, afterAll } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliVaultWithCase, runCustody, type CliVault } from '../../../tests/helpers/cli.ts';
import { SENTENCES, emlWithAttachments } from '../../../tests/fixtures/written/index.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';

const SUBJECT = 'Угроза: последнее предупреждение';
const GATED = [SENTENCES.russian, SENTENCES.arabic, SUBJECT, 'anon@example.org'];
const leaks = (out: string) => GATED.filter((w) => out.includes(w));

let v: CliVault;
afterAll(() => v.cleanup());

describe('custody search in a gated case', () => {
  it('shows where the words are, never the words, until the text is revealed', async () => {
    v = await cliVaultWithCase('pass phrase for the gated search');
    const human = v.base.filter((a) => a !== '--json');
    const made = await runCustody([
      'case',
      'create',
      '--title',
      'G',
      '--kind',
      'child-safety',
      ...v.base,
    ]);
    const caseId = (made.json as { id: string }).id;
    await writeFile(join(v.root, 'words.txt'), `${SENTENCES.russian}\n`);
    await writeFile(join(v.root, 'threat.eml'), emlWithAttachments().bytes);
    const ingested = await runCustody([
      'ingest',
      '--case',
      caseId,
      join(v.root, 'words.txt'),
      join(v.root, 'threat.eml'),
      ...v.base,
    ]);
    expect(ingested.code).toBe(0);
    expect(leaks(ingested.stdout)).toEqual([]);
    const list = await runCustody(['item', 'list', '--case', caseId, ...v.base]);
    const items = (list.json as { items: ItemSummary[] }).items;
    const words = items.find((i) => i.originalName.endsWith('words.txt'))?.id ?? '';
    const eml = items.find((i) => i.kind === 'email')?.id ?? '';

    const found = await runCustody(['search', '--case', caseId, 'прямая', ...v.base]);
    expect(found.code).toBe(0);
    const hits = (found.json as { hits: { itemId: string; field: string; gated: boolean }[] }).hits;
    expect(hits).toContainEqual(
      expect.objectContaining({ itemId: words, field: 'text', line: 1, snippet: '', gated: true }),
    );
    expect(leaks(found.stdout)).toEqual([]);
    const header = await runCustody(['search', '--case', caseId, 'предупреждение', ...human]);
    expect(header.code).toBe(0);
    expect(header.stdout).toContain(eml);
    expect(header.stdout).toContain('behind a step');
    expect(leaks(header.stdout)).toEqual([]);

    const shown = await runCustody(['item', 'show', eml, ...v.base]);
    expect(shown.json).toMatchObject({ kind: 'email', gated: true, facts: { attachments: 2 } });
    expect(leaks(shown.stdout)).toEqual([]);
    expect(leaks((await runCustody(['item', 'show', eml, ...human])).stdout)).toEqual([]);

    const revealed = await runCustody(['item', 'text', words, '--reveal', ...v.base]);
    expect(revealed.code).toBe(0);
    expect(revealed.stdout).toContain(SENTENCES.russian);
  }, 120_000);
});
