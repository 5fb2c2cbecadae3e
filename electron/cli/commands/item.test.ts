// `custody item show` as a reviewer reads it, on a real camera file run through the real binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCustody } from '../../../tests/helpers/cli.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';

let work: { path: string; cleanup: () => Promise<void> };
let base: string[];

beforeAll(async () => {
  work = await tempDir('custody-item-cli-');
  await writeFile(join(work.path, 'pass'), 'item cli passphrase\n');
  base = ['--vault', join(work.path, 'vault'), '--passphrase-file', join(work.path, 'pass')];
  expect((await runCustody(['init', ...base])).code).toBe(0);
});
afterAll(() => work.cleanup());

describe('custody item show', () => {
  it('names the camera once when its model repeats the make (Canon PowerShot A85)', async () => {
    const created = await runCustody([
      'case',
      'create',
      ...base,
      '--json',
      '--title',
      'Camera',
      '--kind',
      'other',
    ]);
    const caseId = (created.json as { id: string }).id;
    const photo = fixture('exif', 'Canon_PowerShot_A85.jpg');
    const ingested = await runCustody(['ingest', ...base, '--json', '--case', caseId, photo]);
    expect(ingested.code, ingested.stderr).toBe(0);
    const { results } = ingested.json as { results: { item: { id: string } }[] };
    const shown = await runCustody(['item', 'show', results[0]!.item.id, ...base]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^ {2}camera Canon PowerShot A85$/m);
    expect(shown.stdout).not.toContain('Canon Canon');
  });
});
