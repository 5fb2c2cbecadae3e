// A file inside a container is evidence like any other: an image inside a ZIP is checked against
// the hash lists when the batch finishes, as a file dropped on its own would be.
import { describe, it, expect, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatcherCall, freshCore, ingestThrough } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { nestedZip, OTHER_IMAGE } from '../../../tests/fixtures/written/index.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('children and the hash lists', () => {
  it('matches an image found inside a nested ZIP on ingest', async () => {
    const v = await freshCore();
    cleanups.push(v.cleanup);
    const dir = await tempDir('custody-child-match-');
    cleanups.push(dir.cleanup);
    const call = dispatcherCall(v.core);
    const md5 = createHash('md5').update(OTHER_IMAGE()).digest('hex');
    const list = join(dir.path, 'list.txt');
    await writeFile(list, `${md5}\n`);
    const file = v.core.paths.grant(list, 'hash-list').handle;
    await call('hashlists:import', { file, name: 'known', format: 'md5' });
    const caseId = (await call('cases:create', { title: 'Zip', kind: 'child-safety' })).id;
    const zip = join(dir.path, 'outer.zip');
    await writeFile(zip, (await nestedZip()).bytes);
    await ingestThrough(v.core, call, caseId, [zip]);
    const { items } = await call('items:list', { caseId, filter: { kind: 'image' } });
    expect(items).toHaveLength(1);
    expect(items[0]?.parentId).not.toBeNull();
    const matches = await call('hashlists:matches', { caseId });
    expect(matches.map((m) => m.itemId)).toEqual([items[0]?.id]);
  }, 60_000);
});
