// The command line's JSON and exit statuses are a public interface: run the real binary.
import { describe, it, expect, afterEach } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir, snapshot } from '../../tests/helpers/temp.ts';
import { runCustody } from '../../tests/helpers/cli.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const custody = runCustody;

async function vaultWithPassphraseFile() {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const vault = join(t.path, 'vault');
  const pf = join(t.path, 'pass');
  await writeFile(pf, 'cli passphrase\n');
  const base = ['--vault', vault, '--passphrase-file', pf, '--json'];
  return { vault, pf, base, dir: t.path };
}

describe('custody CLI', () => {
  it('init, case create/list/show/close/destroy with JSON output and exit 0', async () => {
    const { base } = await vaultWithPassphraseFile();
    const init = await custody(['init', ...base]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.json).toMatchObject({ state: 'unlocked' });

    const created = await custody([
      'case',
      'create',
      ...base,
      '--title',
      'تهديد بالعنف',
      '--kind',
      'threat-of-violence',
      '--emergency',
      '--lang',
      'ar,fa,ru',
      '--ref',
      'TICKET-1',
      '--ref',
      'https://example.org/u/1',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const c = created.json as { id: string };
    expect(created.json).toMatchObject({
      title: 'تهديد بالعنف',
      kind: 'threat-of-violence',
      emergency: true,
      status: 'open',
      languages: ['ar', 'fa', 'ru'],
      externalRefs: ['TICKET-1', 'https://example.org/u/1'],
      itemCount: 0,
    });
    expect(c.id).toMatch(/^c_[a-z2-7]{16}$/);

    const list = await custody(['case', 'list', ...base]);
    expect(list.code).toBe(0);
    expect((list.json as { id: string }[]).map((x) => x.id)).toEqual([c.id]);

    const show = await custody(['case', 'show', c.id, ...base]);
    expect(show.json).toMatchObject({ id: c.id, title: 'تهديد بالعنف' });

    const closed = await custody(['case', 'close', c.id, ...base]);
    expect(closed.json).toMatchObject({ status: 'closed' });

    const noYes = await custody(['case', 'destroy', c.id, ...base]);
    expect(noYes.code).toBe(2);
    const destroyed = await custody(['case', 'destroy', c.id, '--yes', ...base]);
    expect(destroyed.code).toBe(0);
    const gone = await custody(['case', 'show', c.id, ...base]);
    expect(gone.code).toBe(1);
    expect(gone.json).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('wrong passphrase: exit 1, a clear message, the vault unchanged', async () => {
    const { vault, base, dir } = await vaultWithPassphraseFile();
    expect((await custody(['init', ...base])).code).toBe(0);
    const before = await snapshot(vault);
    const wrong = join(dir, 'wrong');
    await writeFile(wrong, 'not it');
    const r = await custody([
      'case',
      'list',
      '--vault',
      vault,
      '--passphrase-file',
      wrong,
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(r.json).toEqual({ error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.' } });
    expect(r.stderr).toContain('Wrong passphrase.');
    // The evidence is untouched; only the attempt counter beside vault.json has a line.
    const after = await snapshot(vault);
    expect(after.get(join(vault, 'failed-unlocks.log'))?.toString()).toMatch(/^\d{4}-[^\n]+\n$/);
    after.delete(join(vault, 'failed-unlocks.log'));
    expect(after).toEqual(before);
  });

  it('passphrase from CUSTODY_PASSPHRASE', async () => {
    const { vault } = await vaultWithPassphraseFile();
    const env = { CUSTODY_PASSPHRASE: 'from the environment' };
    expect((await custody(['init', '--vault', vault, '--json'], env)).code).toBe(0);
    expect((await custody(['case', 'list', '--vault', vault, '--json'], env)).json).toEqual([]);
  });

  it('missing vault folder: exit 2', async () => {
    const { dir, pf } = await vaultWithPassphraseFile();
    const r = await custody([
      'case',
      'list',
      '--vault',
      join(dir, 'absent'),
      '--passphrase-file',
      pf,
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ error: { code: 'VAULT_NOT_FOUND' } });
  });

  it('unusable input: unknown command, unknown option, bad kind, no passphrase source: exit 2', async () => {
    const { base, vault } = await vaultWithPassphraseFile();
    expect((await custody(['init', ...base])).code).toBe(0);
    expect((await custody(['frobnicate', ...base])).code).toBe(2);
    expect((await custody(['case', 'list', '--bogus', ...base])).code).toBe(2);
    const badKind = await custody(['case', 'create', ...base, '--title', 'T', '--kind', 'spam']);
    expect(badKind.code).toBe(2);
    expect(badKind.json).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const noPass = await custody(['case', 'list', '--vault', vault, '--json'], {
      CUSTODY_PASSPHRASE: '',
    });
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/passphrase/);
  });
});
