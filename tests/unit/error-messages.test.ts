// Every error code speaks all four languages, and an error's catalog sentence says exactly what the
// core's English message says, from the params the error carries (so a translation has all it
// needs, and English in the catalogs cannot drift from the core).
import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import { interfaceLanguages } from '../../shared/i18n/languages.ts';
import { errorCodes } from '../../shared/domain/error-codes.ts';
import {
  causeSentences,
  errorSentences,
  errorSummaries,
  errorText,
  sentenceFor,
} from '../../shared/i18n/error-messages.ts';
import {
  BlobIntegrityError,
  CaseClosedError,
  CustodyError,
  DiskFullError,
  NoVaultError,
  NotFoundError,
  VaultBusyError,
  VaultDamagedError,
  VaultExistsError,
  VaultLockedError,
  WrongPassphraseError,
} from '../../electron/core/errors.ts';
import * as inputErrors from '../../electron/core/input-errors.ts';
import {
  problemSentences,
  problemSummaries,
  problemText,
} from '../../shared/i18n/packet-problems.ts';
import {
  NotRevealableError,
  ReasonRequiredError,
  RevealBlockedError,
  RevealSkipsRungError,
} from '../../electron/core/reveal/reveal-errors.ts';
import { CaseHandedOverError } from '../../electron/core/handoff/handoff-guard.ts';
import type { RevealBlock } from '../../shared/domain/hashlist.ts';

const intlFor = (language: (typeof interfaceLanguages)[number]) =>
  createIntl({ locale: language, messages: catalogs[language], onError: () => {} });

/** One of each cause of INVALID_INPUT that has its own sentence, made as the core makes it. */
const causes: CustodyError[] = [
  inputErrors.outExistsError('/o/p.zip'),
  inputErrors.noFolderError('/o/p.zip'),
  inputErrors.cannotWriteError('/o/a.card', 'EACCES'),
  inputErrors.cannotReadError('/p.zip'),
  inputErrors.notInCaseError('i_1', 'c_1'),
  inputErrors.nothingToPackageError('c_1'),
  inputErrors.nothingToExportError('c_1'),
  inputErrors.noReporterError(),
  inputErrors.notAHashError('abc'),
  inputErrors.emptyReferenceError(),
  inputErrors.notInReportError('i_1', 'r_1'),
  inputErrors.identityUnreadableError('/k.txt'),
  inputErrors.noIdentityError('/k.txt'),
  inputErrors.notAPacketError('/p.zip'),
  inputErrors.armoredAgeError(),
  inputErrors.noManifestError(),
  inputErrors.cardUnreadableError('/a.card', 'ENOENT'),
  inputErrors.noReviewerNameError(),
  inputErrors.encodingNotPlainTextError(),
  inputErrors.unknownEncodingError('klingon'),
];

describe('error messages', () => {
  it('has a summary for every error code in all four catalogs', () => {
    const missing = errorCodes.flatMap((code) =>
      interfaceLanguages
        .filter((l) => catalogs[l][errorSummaries[code].id] === undefined)
        .map((l) => `${code} in ${l}`),
    );
    expect(missing).toEqual([]);
    for (const sentence of [...Object.values(errorSentences), ...Object.values(causeSentences)])
      for (const l of interfaceLanguages) expect(catalogs[l][sentence.id], l).toBeDefined();
  });

  const errors: CustodyError[] = [
    new VaultLockedError(),
    new WrongPassphraseError(),
    new BlobIntegrityError('b_abc', 'authentication tag mismatch'),
    ...['case', 'item', 'colleague', 'hash list', 'match', 'report', 'text layer of item'].map(
      (what) => new NotFoundError(what, 'x_1'),
    ),
    new VaultBusyError('/v', [{ surface: 'app', pid: 7, access: 'write', since: 'now' }]),
    new VaultDamagedError("The vault's case database (custody.db)", 'SQLITE_CORRUPT'),
    new DiskFullError(),
    new DiskFullError({ bytes: 3 * 1024 * 1024, what: 'the file' }),
    new RevealSkipsRungError('veiled', 'plain', 'outline'),
    new RevealSkipsRungError('plain', 'plain', null),
    new ReasonRequiredError(),
    new NotRevealableError('i_1', 'outline'),
    new RevealBlockedError('i_1', {
      kind: 'hash-list',
      matches: [{ listName: 'NCMEC hashes', hashType: 'md5' }],
    }),
    new RevealBlockedError('i_1', { kind: 'label', categoryIds: ['industry:A1', 'vics-us:1'] }),
    new CaseHandedOverError('c_1', 'Bea Day', '2026-12-01T10:00:00Z'),
    new NoVaultError('/v'),
    new NoVaultError('/v', 'init'),
    new VaultExistsError('/v'),
    new CaseClosedError('c_1'),
    ...causes,
  ];

  it('has a sentence for every cause input-errors.ts makes, and a maker for every cause', () => {
    const whys = causes.map((e) => e.params?.['why']);
    expect(whys.toSorted()).toEqual(Object.keys(causeSentences).toSorted());
    expect(causes).toHaveLength(Object.keys(inputErrors).length);
  });

  it.each(errors.map((e) => [e.message, e] as const))(
    'says "%s" from its params in English',
    (_m, e) => {
      const sentence = sentenceFor(e);
      expect(sentence, e.code).toBeDefined();
      expect(e.params).toBeDefined();
      if (!sentence || !e.params) return;
      const english = intlFor('en').formatMessage(sentence, e.params);
      // The busy vault's English names its holders in full; the sentence says who, not the pid.
      if (e instanceof VaultBusyError) {
        const [who, rest] = english.split('. ');
        expect(e.message.startsWith(`${who} (app, pid 7, writing since now). ${rest}`)).toBe(true);
      } else expect(english).toBe(e.message);
    },
  );

  it('says an error in the reviewer language, keeping English detail where it has no params', () => {
    const format = (l: 'ar' | 'ru') => (d: { id: string }, v: Record<string, string | number>) =>
      intlFor(l).formatMessage(d, v);
    expect(errorText('ru', format('ru'), new NotFoundError('case', 'c_1'))).toBe(
      'Нет дела с идентификатором c_1.',
    );
    expect(errorText('ar', format('ar'), new WrongPassphraseError())).toBe('عبارة المرور خاطئة.');
    const plain = new CustodyError('INVALID_INPUT', 'Cannot read /x/y.csv (EACCES).');
    expect(errorText('ru', format('ru'), plain)).toBe(
      'Эти входные данные непригодны. (по-английски: Cannot read /x/y.csv (EACCES).)',
    );
    expect(errorText('en', format('ru'), plain)).toBe(plain.message);
    // A cause with its own sentence is said in full, its values kept.
    expect(errorText('ru', format('ru'), inputErrors.notInCaseError('i_1', 'c_1'))).toBe(
      'Материал i_1 не входит в дело c_1.',
    );
    expect(errorText('ar', format('ar'), inputErrors.outExistsError('/o/p.zip'))).toBe(
      '/o/p.zip موجود بالفعل؛ اختر اسمًا آخر.',
    );
    // A blocked reveal says why from its facts, not the core's English reason.
    const blocked = (block: RevealBlock) => new RevealBlockedError('i_1', block);
    expect(
      errorText(
        'ar',
        format('ar'),
        blocked({ kind: 'hash-list', matches: [{ listName: 'NCMEC', hashType: 'md5' }] }),
      ),
    ).toBe(
      'لا يجوز كشف هذا العنصر: يطابق قائمة تجزئات المحتوى غير القانوني المعروف «NCMEC» (md5).',
    );
    expect(
      errorText('ru', format('ru'), blocked({ kind: 'label', categoryIds: ['industry:A1'] })),
    ).toBe(
      'Этот материал нельзя открыть: его категория — industry:A1; материалы этой категории по умолчанию никогда не открываются.',
    );
  });
});

describe('packet problems', () => {
  const format = (l: 'ar' | 'ru') => (d: { id: string }, v: Record<string, string>) =>
    intlFor(l).formatMessage(d, v);
  const altered = {
    code: 'file-altered',
    message: 'report.html does not match its SHA-256 in the manifest: it was altered.',
    path: 'report.html',
  };

  it('says a problem whose English is its path and fixed words in full', () => {
    expect(problemText('en', format('ru'), altered)).toBe(altered.message);
    expect(problemText('ru', format('ru'), altered)).toBe(
      'report.html не совпадает со своим SHA-256 в манифесте: файл изменён.',
    );
    // tamper.test.ts checks these against the verifier by plain substitution of {path}.
    for (const s of Object.values(problemSentences))
      expect(s.defaultMessage.replace('{path}', '')).not.toMatch(/[{}#]/);
  });

  it('says any other by its kind, the English detail kept', () => {
    const chain = {
      code: 'custody-chain',
      message: 'The custody entry 7 does not follow entry 5: the chain is broken.',
    };
    expect(problemText('ru', format('ru'), chain)).toBe(
      `Цепочка записей о хранении разорвана. (по-английски: ${chain.message})`,
    );
    const unknown = { code: 'from-the-future', message: 'Something new.' };
    expect(problemText('ar', format('ar'), unknown)).toContain('الحزمة لا تجتاز أحد الفحوص.');
    expect(Object.keys(problemSummaries)).not.toContain('file-altered');
  });
});
