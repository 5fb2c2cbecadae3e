// The CLI's human output in four languages: the real binary, in the language from --lang, the
// vault's choice or the environment; --json the same bytes in every language.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCustody, cliVaultWithCase, type CliVault } from '../../tests/helpers/cli.ts';
import { CliText, cliLanguage, ltr } from './cli-intl.ts';

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';
// No locale from whoever runs the tests: each test says which language it means.
const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };

let v: CliVault;
let human: string[];
const caseIds: string[] = [];

beforeAll(async () => {
  v = await cliVaultWithCase('intl passphrase', 'تهديد\u202e بالعنف');
  caseIds.push(v.caseId);
  // Without --json: the vault and passphrase only.
  human = v.base.filter((a) => a !== '--json');
}, 60_000);
afterAll(() => v.cleanup());

const list = (lang: string[], env: Record<string, string> = NO_LOCALE) =>
  runCustody(['case', 'list', ...human, ...lang], env);

async function addCase(title: string) {
  const r = await runCustody(['case', 'create', '--title', title, '--kind', 'other', ...v.base]);
  expect(r.code, r.stderr).toBe(0);
  caseIds.push((r.json as { id: string }).id);
}

describe('custody case list --lang', () => {
  it('speaks Arabic with the plural form each count takes (one, two, few)', async () => {
    const one = await list(['--lang', 'ar']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^قضية واحدة\.$/m);
    expect(one.stdout).toContain('الحالة: مفتوحة  لا عناصر');
    await addCase('second');
    expect((await list(['--lang', 'ar'])).stdout).toMatch(/^قضيتان\.$/m);
    await addCase('third');
    const three = await list(['--lang', 'ar']);
    expect(three.stdout).toMatch(/^3 قضايا\.$/m);
    expect(three.stdout).not.toMatch(/cases?\.|status:/);
  }, 60_000);

  it('keeps ids and dates left to right and isolates user text, its bidi controls escaped', async () => {
    const r = await list(['--lang', 'ar']);
    for (const id of caseIds) expect(r.stdout).toContain(`${LRI}${id}${PDI}`);
    expect(r.stdout).toMatch(new RegExp(`${LRI}\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z${PDI}`));
    // The title's U+202E is shown as an escape, never obeyed, inside an FSI isolate.
    expect(r.stdout).toContain(`${FSI}تهديد\\u{202E} بالعنف${PDI}`);
    expect(r.stdout).not.toContain('\u202e');
    // English keeps its output as it was: no isolates.
    const en = await list(['--lang', 'en']);
    expect(en.stdout).not.toMatch(/[\u2066-\u2069]/);
    expect(en.stdout).toMatch(/^ {2}kind: other {2}status: open {2}0 items$/m);
  }, 60_000);

  it('prints --json byte for byte the same in every language', async () => {
    const docs = await Promise.all(
      ['en', 'ar', 'fa', 'ru'].map((l) =>
        runCustody(['case', 'list', ...v.base, '--lang', l], NO_LOCALE),
      ),
    );
    for (const d of docs) expect(d.code, d.stderr).toBe(0);
    expect(new Set(docs.map((d) => d.stdout)).size).toBe(1);
    expect(Array.isArray(docs[0]?.json)).toBe(true);
  }, 60_000);

  it('refuses an unknown --lang with exit 2, naming it and the languages there are', async () => {
    const r = await list(['--lang', 'xx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown language "xx" for --lang: use one of en, ar, fa, ru.');
  });

  it('follows the vault, then LC_ALL, LC_MESSAGES and LANG, when --lang is not given', async () => {
    expect((await list([], { ...NO_LOCALE, LANG: 'ru_RU.UTF-8' })).stdout).toContain('статус:');
    expect(
      (await list([], { LC_ALL: 'fa_IR.UTF-8', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' })).stdout,
    ).toContain('وضعیت:');
    expect((await list([], { ...NO_LOCALE, LC_MESSAGES: 'ru' })).stdout).toContain('статус:');
    expect((await list([], NO_LOCALE)).stdout).toContain('status:');
    // The language chosen for the vault (interface.json, as the app writes it) comes before the
    // environment, and --lang before both.
    await writeFile(join(v.vault, 'interface.json'), '{"language":"ar"}\n');
    expect((await list([], { ...NO_LOCALE, LANG: 'ru_RU.UTF-8' })).stdout).toContain('الحالة:');
    expect((await list(['--lang', 'ru'])).stdout).toContain('статус:');
    await writeFile(join(v.vault, 'interface.json'), '{"language":"system"}\n');
    expect((await list([], { ...NO_LOCALE, LANG: 'ru_RU.UTF-8' })).stdout).toContain('статус:');
  }, 60_000);
});

describe('errors in the reviewer language', () => {
  it('says a core error from its code and params, --json keeping the English message', async () => {
    const wrong = join(v.root, 'wrong');
    await writeFile(wrong, 'not it');
    const args = ['case', 'list', '--vault', v.vault, '--passphrase-file', wrong, '--lang', 'ar'];
    const ar = await runCustody(args, NO_LOCALE);
    expect(ar.code).toBe(1);
    expect(ar.stderr).toBe('custody: عبارة المرور خاطئة.\n');
    const json = await runCustody([...args, '--json'], NO_LOCALE);
    expect(json.json).toEqual({
      error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.' },
    });
    const missing = ['case', 'show', 'c_aaaaaaaaaaaaaaaa', ...human];
    expect((await runCustody([...missing, '--lang', 'ru'], NO_LOCALE)).stderr).toBe(
      'custody: Нет дела с идентификатором c_aaaaaaaaaaaaaaaa.\n',
    );
    expect((await runCustody([...missing, '--lang', 'ar'], NO_LOCALE)).stderr).toContain(
      `${LRI}c_aaaaaaaaaaaaaaaa${PDI}`,
    );
    expect((await runCustody(missing, NO_LOCALE)).stderr).toBe(
      'custody: No case with id c_aaaaaaaaaaaaaaaa.\n',
    );
  }, 60_000);

  it('says "Usage:" and an unknown command in the language, the syntax as typed', async () => {
    const wrong = ['item', 'show', ...v.base, '--lang', 'ru'];
    const ru = await runCustody(wrong, NO_LOCALE);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe('custody: Использование: custody item show ID\n');
    expect((await runCustody([...wrong, '--json'], NO_LOCALE)).json).toEqual({
      error: { code: 'USAGE', message: 'Usage: custody item show ID' },
    });
    expect((await runCustody(['item', 'show', ...v.base], NO_LOCALE)).stderr).toBe(
      'custody: Usage: custody item show ID\n',
    );
    const fa = await runCustody(['itme', 'shwo', '--lang', 'fa'], NO_LOCALE);
    expect(fa.code).toBe(2);
    expect(fa.stderr).toBe(
      `custody: فرمان ناشناخته «${FSI}itme shwo${PDI}». ${LRI}custody --help${PDI} را اجرا کنید.\n`,
    );
  }, 60_000);
});

describe('CliText', () => {
  const count = (language: 'ar' | 'ru' | 'fa' | 'en', n: number) =>
    new CliText(language).t(
      {
        id: 'cli.case.count',
        defaultMessage: '{count, plural, =0 {No cases.} one {# case.} other {# cases.}}',
      },
      { count: n },
    ).text;

  it('has Arabic six plural forms and Russian four, in Latin digits', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => count('ar', n))).toEqual([
      'لا قضايا.',
      'قضية واحدة.',
      'قضيتان.',
      '3 قضايا.',
      '11 قضية.',
      '100 قضية.',
    ]);
    expect([1, 2, 5, 21, 1.5].map((n) => count('ru', n))).toEqual([
      '1 дело.',
      '2 дела.',
      '5 дел.',
      '21 дело.',
      '1,5 дела.',
    ]);
    expect(count('fa', 1234)).toBe('1,234 پرونده.');
  });

  it('isolates left-to-right values only in right-to-left languages', () => {
    const d = { id: 'cli.init.created', defaultMessage: 'Created a vault in {dir}.' };
    expect(new CliText('ar').t(d, { dir: ltr('/v') }).text).toBe(`أُنشئت خزنة في ${LRI}/v${PDI}.`);
    expect(new CliText('ru').t(d, { dir: ltr('/v') }).text).toBe('Хранилище создано в /v.');
  });

  it('takes the language from --lang, the vault, then the environment', () => {
    expect(cliLanguage('fa', 'ar', { LANG: 'ru' })).toBe('fa');
    expect(cliLanguage(undefined, 'ar', { LANG: 'ru' })).toBe('ar');
    expect(cliLanguage(undefined, 'system', { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLanguage(undefined, null, { LANG: 'C.UTF-8' })).toBe('en');
    expect(() => cliLanguage('arabic', null, {})).toThrow(/Unknown language "arabic"/);
  });
});
