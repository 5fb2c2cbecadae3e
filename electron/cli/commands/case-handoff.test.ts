// `custody case send` and `custody case receive` between two real vaults, through the real binary:
// the JSON, the refusals and the exit statuses scripts rely on.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCustody } from '../../../tests/helpers/cli.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';

let root = '';
let cleanup: () => Promise<void> = async () => {};
let caseId = '';
const base = (who: string) => [
  '--vault',
  join(root, who),
  '--passphrase-file',
  join(root, 'pass'),
  '--json',
];
const TITLE = 'Handoff over the CLI';

beforeAll(async () => {
  const t = await tempDir();
  root = t.path;
  cleanup = t.cleanup;
  await writeFile(join(root, 'pass'), 'pass phrase');
  for (const [who, name] of [
    ['alice', 'Alice Night'],
    ['bea', 'Bea Day'],
  ] as const) {
    expect((await runCustody(['init', '--name', name, ...base(who)])).code).toBe(0);
    expect(
      (await runCustody(['key', 'card', '--out', join(root, `${who}.card`), ...base(who)])).code,
    ).toBe(0);
  }
  expect(
    (await runCustody(['colleague', 'add', join(root, 'bea.card'), ...base('alice')])).code,
  ).toBe(0);
  expect(
    (await runCustody(['colleague', 'add', join(root, 'alice.card'), ...base('bea')])).code,
  ).toBe(0);
  const created = await runCustody([
    'case',
    'create',
    '--title',
    TITLE,
    '--kind',
    'other',
    ...base('alice'),
  ]);
  caseId = (created.json as { id: string }).id;
}, 180_000);
afterAll(() => cleanup());

describe('custody case send | receive', () => {
  it('sends, refuses edits on the sent copy, and receives the case on the other vault', async () => {
    const out = join(root, 'case.custody-handoff');
    const sent = await runCustody([
      'case',
      'send',
      caseId,
      '--to',
      'Bea Day',
      '--out',
      out,
      ...base('alice'),
    ]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.json).toMatchObject({ caseId, out, to: { name: 'Bea Day' } });
    const closed = await runCustody(['case', 'close', caseId, ...base('alice')]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toMatch(/with Bea Day since/);

    const got = await runCustody(['case', 'receive', out, ...base('bea')]);
    expect(got.code, got.stderr).toBe(0);
    expect(got.json).toMatchObject({
      caseId,
      mode: 'new',
      from: { name: 'Alice Night' },
      case: { id: caseId, title: TITLE },
    });
    const shown = await runCustody(['case', 'show', caseId, ...base('bea')]);
    expect(shown.json).toMatchObject({ title: TITLE });

    const again = await runCustody(['case', 'receive', out, ...base('bea')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Bundle refused \(replay\)/);
  }, 180_000);

  it('exits 1 naming the reason for a bundle that is not for this vault, 2 for a missing file', async () => {
    const out = join(root, 'case.custody-handoff');
    const mine = await runCustody(['case', 'receive', out, ...base('alice')]);
    expect(mine.code).toBe(1);
    expect(mine.stderr).toMatch(/not-for-this-workstation/);
    const missing = await runCustody(['case', 'receive', join(root, 'nope'), ...base('bea')]);
    expect(missing.code).toBe(2);
  });

  it('takes a case back with a reason', async () => {
    const back = await runCustody([
      'case',
      'take-back',
      caseId,
      '--reason',
      'Bea off sick',
      ...base('alice'),
    ]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.json).toMatchObject({ state: 'taken-back' });
  });

  it('lists a field changed on both sides as a conflict and resolves it, logged', async () => {
    const at = (who: string, iso: string) =>
      runCustody(['case', 'set', caseId, '--incident-at', iso, ...base(who)]);
    expect((await at('bea', '2026-12-01T10:00:00Z')).code).toBe(0);
    const out = join(root, 'back.custody-handoff');
    const sent = await runCustody([
      'case',
      'send',
      caseId,
      '--to',
      'Alice Night',
      '--out',
      out,
      ...base('bea'),
    ]);
    expect(sent.code, sent.stderr).toBe(0);
    expect((await at('alice', '2026-12-01T11:00:00Z')).code).toBe(0);
    const got = await runCustody(['case', 'receive', out, ...base('alice')]);
    expect(got.json).toMatchObject({ mode: 'returned', conflicts: 1 });

    const listed = await runCustody(['case', 'conflicts', caseId, ...base('alice')]);
    expect(listed.code, listed.stderr).toBe(0);
    const [conflict] = listed.json as { id: number }[];
    expect(listed.json).toEqual([
      expect.objectContaining({
        itemId: null,
        field: 'incidentAt',
        ours: '2026-12-01T11:00:00Z',
        theirs: '2026-12-01T10:00:00Z',
      }),
    ]);
    const resolve = (keep: string) =>
      runCustody([
        'case',
        'resolve',
        caseId,
        '--conflict',
        String(conflict!.id),
        '--keep',
        keep,
        ...base('alice'),
      ]);
    expect((await resolve('both')).code).toBe(2);
    const done = await resolve('theirs');
    expect(done.code, done.stderr).toBe(0);
    expect(done.json).toEqual([]);
    expect((await runCustody(['case', 'show', caseId, ...base('alice')])).json).toMatchObject({
      incidentAt: '2026-12-01T10:00:00Z',
    });
    const again = await resolve('mine');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/NOT_FOUND|No conflict/);
    const log = await runCustody(['log', 'verify', ...base('alice')]);
    expect(log.code).toBe(0);
    expect((await runCustody(['case', 'close', caseId, ...base('alice')])).code).toBe(0);
  }, 300_000);
});
