// `custody item suggest` through the real binary: an image ingested, pre-categorised by an exact
// match to a known-illegal NCMEC list (classification A1), then the suggestions the mapping makes
// from that label into the default schemes; nothing is applied by asking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliVaultWithCase, runCustody, type CliVault } from '../../../tests/helpers/cli.ts';
import { evidenceImages } from '../../../tests/helpers/vault.ts';

let v: CliVault;
let itemId: string;

beforeAll(async () => {
  v = await cliVaultWithCase('item suggest passphrase\n');
  const [image] = await evidenceImages(join(v.root, 'evidence'), 1);
  const ingested = await runCustody(['ingest', ...v.base, '--case', v.caseId, image!]);
  expect(ingested.code, ingested.stderr).toBe(0);
  const item = (ingested.json as { results: { item: { id: string; md5: string } }[] }).results[0]!
    .item;
  itemId = item.id;
  const list = join(v.root, 'ncmec.xml');
  await writeFile(
    list,
    `<queryResult><images><image><fingerprints><md5>${item.md5}</md5></fingerprints><classification>A1</classification></image></images></queryResult>`,
  );
  const imported = await runCustody([
    'hashlist',
    'import',
    list,
    '--name',
    'ncmec',
    '--format',
    'ncmec',
    '--known-illegal',
    ...v.base,
  ]);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);
afterAll(() => v.cleanup());

describe('custody item suggest', () => {
  it('gives the labels the mapping suggests from the pre-categorised one, with relation and reason', async () => {
    const run = await runCustody(['item', 'suggest', itemId, ...v.base]);
    expect(run.code, run.stderr).toBe(0);
    const doc = run.json as {
      labels: string[];
      suggestions: { from: string; to: string; relation: string; condition: string | null }[];
    };
    expect(doc.labels).toEqual(['industry:A1']);
    expect(doc.suggestions.map((s) => [s.from, s.to, s.relation])).toEqual([
      ['industry:A1', 'custody:child-safety', 'broader'],
      ['industry:A1', 'vics-us:1', 'broader'],
    ]);
    // Asking twice changes nothing: a suggestion is never applied by itself.
    const again = await runCustody(['item', 'suggest', itemId, ...v.base]);
    expect((again.json as { labels: string[] }).labels).toEqual(['industry:A1']);
  });

  it('prints one line per suggestion for a person', async () => {
    const base = v.base.filter((a) => a !== '--json');
    const run = await runCustody(['item', 'suggest', itemId, ...base]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'custody:child-safety  broader of industry:A1: industry categories classify CSAM',
      'vics-us:1  broader of industry:A1: all four industry categories are CAM',
    ]);
  });

  it('exits 2 without an id and 1 with NOT_FOUND for an unknown item', async () => {
    expect((await runCustody(['item', 'suggest', ...v.base])).code).toBe(2);
    const unknown = await runCustody(['item', 'suggest', 'i_aaaaaaaaaaaaaaaa', ...v.base]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr + unknown.stdout).toMatch(/NOT_FOUND/);
  });
});
