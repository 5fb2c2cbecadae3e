// The report ledger through the real `custody` binary: exports land in it, it outlives the case's
// destruction, `report find` answers by MD5, SHA-1 and SHA-256, and `set-reference` writes NCMEC's
// ids into the draft it recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliVaultWithCase, runCustody, type CliVault } from '../../../tests/helpers/cli.ts';
import { evidenceImages } from '../../../tests/helpers/vault.ts';
import type { ReportMatch, ReportRecord } from '../../../shared/domain/ledger.ts';
import type { Item } from '../../../shared/domain/item.ts';

let v: CliVault;
let caseId: string;
let item: Item;
let draftId: string;
let packetId: string;
const run = (...args: string[]) => runCustody([...args, ...v.base]);

beforeAll(async () => {
  v = await cliVaultWithCase('ledger test passphrase');
  const created = await run('case', 'create', '--title', 'Reported', '--kind', 'child-safety');
  caseId = (created.json as { id: string }).id;
  const [file] = await evidenceImages(join(v.root, 'evidence'), 1);
  if (!file) throw new Error('no evidence');
  const ingested = await run('ingest', '--case', caseId, file);
  expect(ingested.code).toBe(0);
  const listed = await run('item', 'list', '--case', caseId);
  const [first] = (listed.json as { items: { id: string }[] }).items;
  item = (await run('item', 'show', first?.id ?? '')).json as Item;
  expect(
    (
      await run(
        'reporter',
        'set',
        '--org',
        'Example Foundation',
        '--contact',
        'Ada King',
        '--email',
        'trust@example.org',
      )
    ).code,
  ).toBe(0);
  const draft = await run('export', 'ncmec', '--case', caseId, '--out', join(v.root, 'draft'));
  expect(draft.code, draft.stderr).toBe(0);
  draftId = (draft.json as { reportId: string }).reportId;
  const packet = await run(
    'packet',
    'build',
    '--case',
    caseId,
    '--out',
    join(v.root, 'p.zip'),
    '--agency',
    'Metro Police',
  );
  expect(packet.code, packet.stderr).toBe(0);
  packetId = (packet.json as { packetId: string }).packetId;
  expect((await run('case', 'destroy', caseId, '--yes')).code).toBe(0);
}, 120_000);
afterAll(() => v.cleanup());

describe('the report ledger', () => {
  it('keeps a destroyed case’s reports with their hashes, and no names', async () => {
    expect((await run('case', 'show', caseId)).code).toBe(1);
    const list = await run('report', 'list');
    expect(list.code).toBe(0);
    const reports = list.json as ReportRecord[];
    expect(reports.map((r) => [r.id, r.kind, r.recipient]).toSorted()).toEqual(
      [
        [draftId, 'ncmec', 'NCMEC CyberTipline'],
        [packetId, 'packet', 'Metro Police'],
      ].toSorted(),
    );
    const shown = await run('report', 'show', draftId);
    const r = shown.json as ReportRecord;
    expect(r.caseId).toBe(caseId);
    expect(r.files).toEqual([
      {
        itemId: item.id,
        md5: item.md5,
        sha1: item.sha1,
        sha256: item.sha256,
        pdq: item.pdq,
        fileRef: null,
      },
    ]);
    expect(shown.stdout).not.toContain(item.originalName);
  });

  it('answers "was this file reported?" by MD5, SHA-1 and SHA-256, in any case', async () => {
    for (const [type, hash] of [
      ['md5', item.md5],
      ['sha1', item.sha1.toUpperCase()],
      ['sha256', item.sha256],
    ] as const) {
      const found = await run('report', 'find', hash);
      expect(found.code, type).toBe(0);
      const matches = found.json as ReportMatch[];
      expect(matches.map((m) => [m.hashType, m.report.id, m.file.itemId]).toSorted()).toEqual(
        [
          [type, draftId, item.id],
          [type, packetId, item.id],
        ].toSorted(),
      );
    }
    const never = await run('report', 'find', '0'.repeat(64));
    expect([never.code, never.json]).toEqual([1, []]);
    expect((await run('report', 'find', 'not-a-hash')).code).toBe(2);
  });

  it('records the reference and rewrites the draft with NCMEC’s ids', async () => {
    const details = join(v.root, 'draft', `fileDetails-${item.id}.xml`);
    expect(await readFile(details, 'utf8')).toContain('<reportId>0</reportId>');
    expect((await run('report', 'set-reference', draftId, 'CT-12')).code).toBe(2);
    const set = await run(
      'report',
      'set-reference',
      draftId,
      '123456789',
      '--file-id',
      `${item.id}=8f1c2d`,
    );
    expect(set.code, set.stderr).toBe(0);
    const xml = await readFile(details, 'utf8');
    expect(xml).toContain('<reportId>123456789</reportId>');
    expect(xml).toContain('<fileId>8f1c2d</fileId>');
    const [match] = (await run('report', 'find', item.md5)).json as ReportMatch[];
    const again = ((await run('report', 'find', item.md5)).json as ReportMatch[]).find(
      (m) => m.report.id === draftId,
    );
    expect(match).toBeDefined();
    expect([again?.report.reference, again?.file.fileRef]).toEqual(['123456789', '8f1c2d']);
    const log = await run('log', 'verify');
    expect(log.code).toBe(0);
  });
});
