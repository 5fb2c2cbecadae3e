// The human output of item, key, verify, colleague, hashlist, report, reporter, export and case set
// in the reviewer's language, through the real binary: words from the catalogs, ids, hashes and
// paths isolated left to right in Arabic and Farsi, errors said from their cause; and --json the
// same bytes in every language (acceptance scripts read it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  cliVaultWithCase,
  runCustody,
  type CliRun,
  type CliVault,
} from '../../tests/helpers/cli.ts';
import { fixture } from '../../tests/helpers/fixtures.ts';
import { rewriteZip } from '../../tests/helpers/packets.ts';

const LRI = '\u2066';
const PDI = '\u2069';
const FSI = '\u2068';
const ltr = (s: string) => `${LRI}${s}${PDI}`;
type Language = 'en' | 'ar' | 'fa' | 'ru';

let v: CliVault;
/** --vault and --passphrase-file, without --json. */
let human: string[];
/** A child-safety case with one photo: what exports, lists and packets are made of. */
let reported = '';
let photo = { id: '', md5: '', sha256: '' };
let textItem = '';
let draftId = '';
let packet = '';
let fingerprint = '';
let beaCard = '';
let beaFingerprint = '';
/** The colleague's vault: --vault and --passphrase-file. */
let bea: string[] = [];

const say = (lang: Language, ...args: string[]) =>
  runCustody([...args, ...(args[0] === 'verify' ? [] : human), '--lang', lang]);
/** `verify` opens no vault: its --passphrase-file would be the packet's. */
const asJson = (lang: Language, ...args: string[]) =>
  runCustody([...args, ...(args[0] === 'verify' ? ['--json'] : v.base), '--lang', lang]);
const ok = (r: CliRun) => {
  expect(r.code, r.stderr).toBe(0);
  return r;
};

/** The command's --json in English and `others`: one and the same document. */
async function sameJson(others: readonly Language[], ...args: string[]): Promise<unknown> {
  const runs = await Promise.all(['en' as const, ...others].map((l) => asJson(l, ...args)));
  for (const r of runs) expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThan(2);
  expect(new Set(runs.map((r) => r.stdout)).size, args.join(' ')).toBe(1);
  expect(runs[0]?.stdout).not.toMatch(/[\u2066-\u2069]/);
  return runs[0]?.json;
}

beforeAll(async () => {
  v = await cliVaultWithCase('intl commands passphrase');
  human = v.base.filter((a) => a !== '--json');
  const run = (...args: string[]) => runCustody([...args, ...v.base]);
  const created = ok(await run('case', 'create', '--title', 'Reported', '--kind', 'child-safety'));
  reported = (created.json as { id: string }).id;
  const ingested = ok(
    await run('ingest', '--case', reported, fixture('exif', 'Canon_PowerShot_A85.jpg')),
  );
  photo = (ingested.json as { results: { item: typeof photo }[] }).results[0]?.item ?? photo;
  const note = join(v.root, 'note.txt');
  await writeFile(note, 'Встретимся у моста в полночь.\n');
  const text = ok(await run('ingest', '--case', v.caseId, note));
  textItem = (text.json as { results: { item: { id: string } }[] }).results[0]?.item.id ?? '';
  await writeFile(join(v.root, 'known.md5'), `${photo.md5}\n`);
  ok(
    await run(
      'hashlist',
      'import',
      join(v.root, 'known.md5'),
      '--name',
      'Known',
      '--known-illegal',
    ),
  );
  ok(
    await run(
      'reporter',
      'set',
      '--org',
      'Example Foundation',
      '--contact',
      'Ada King',
      '--email',
      'trust@example.org',
    ),
  );
  const draft = ok(
    await run('export', 'ncmec', '--case', reported, '--out', join(v.root, 'draft')),
  );
  draftId = (draft.json as { reportId: string }).reportId;
  packet = join(v.root, 'p.zip');
  const built = ok(await run('packet', 'build', '--case', reported, '--out', packet));
  fingerprint = (built.json as { fingerprint: string }).fingerprint;
  // A colleague's workstation, whose card this one pins.
  bea = ['--vault', join(v.root, 'bea'), '--passphrase-file', v.base[3] ?? ''];
  ok(await runCustody(['init', '--name', 'Bea Day', ...bea, '--json']));
  beaCard = join(v.root, 'bea.card');
  const card = ok(await runCustody(['key', 'card', '--out', beaCard, ...bea, '--json']));
  beaFingerprint = (card.json as { fingerprint: string }).fingerprint;
}, 300_000);
afterAll(() => v.cleanup());

describe('custody item, in the reviewer language', () => {
  it('item show: field names translated, hashes and dates isolated, EXIF text in its own direction', async () => {
    const ar = ok(await say('ar', 'item', 'show', photo.id));
    expect(ar.stdout).toContain(`${ltr(photo.id)}  ${FSI}Canon_PowerShot_A85.jpg${PDI}`);
    expect(ar.stdout).toContain(`  ${ltr('sha256')} ${ltr(photo.sha256)}`);
    expect(ar.stdout).toContain(`  الكاميرا ${FSI}Canon PowerShot A85${PDI}`);
    expect(ar.stdout).toMatch(/ {2}الفئة غير مفروز/);
    expect(ar.stdout).toMatch(/مدة الكشف الإجمالية \u2066\d+\.\d\u2069 ث/);
    expect(ar.stdout).not.toMatch(/\b(camera|taken|category|untriaged|unveiled|bytes)\b/);
    const ru = ok(await say('ru', 'item', 'show', photo.id));
    expect(ru.stdout).toMatch(/^ {2}камера Canon PowerShot A85$/m);
    expect(ru.stdout).toMatch(/^ {2}категория не разобрано$/m);
    expect(ru.stdout).toMatch(/ \d[\d\s,]* байт(а|ов)? /);
    expect(ru.stdout).not.toMatch(/[\u2066-\u2069]/);
    // English as it was.
    expect(ok(await say('en', 'item', 'show', photo.id)).stdout).toMatch(
      /^ {2}category untriaged$/m,
    );
  }, 120_000);

  it('item list, text, frames and suggest', async () => {
    expect(
      ok(await say('ar', 'item', 'list', '--case', reported, '--parent', photo.id)).stdout,
    ).toBe('لا عناصر.\n');
    const list = ok(await say('fa', 'item', 'list', '--case', reported));
    expect(list.stdout).toContain(`${ltr(photo.id)}  ${ltr('image   ')}`);
    const text = ok(await say('ru', 'item', 'text', textItem));
    expect(text.stdout).toMatch(/^# i_\w+ {2}кодировка \S+ {2}язык \S+$/m);
    expect(text.stdout).toContain('Встретимся у моста в полночь.');
    const textAr = ok(await say('ar', 'item', 'text', textItem));
    expect(textAr.stdout).toMatch(
      new RegExp(`^# ${ltr(textItem)} {2}الترميز ${LRI}.+${PDI} {2}اللغة `, 'm'),
    );
    expect(ok(await say('ru', 'item', 'frames', photo.id)).stdout).toBe('Кадров нет.\n');
    expect(ok(await say('fa', 'item', 'suggest', photo.id)).stdout).toBe('پیشنهادی نیست.\n');
  }, 120_000);
});

describe('custody key and colleague, in the reviewer language', () => {
  it('key show and key card; a card that exists already is refused in the language', async () => {
    const keys = (await asJson('en', 'key', 'show')).json as Record<string, string>;
    const ar = ok(await say('ar', 'key', 'show'));
    expect(ar.stdout).toContain(
      `بصمة محطة العمل (قارنوها بصوت عالٍ):  ${ltr(keys['workstationFingerprint'] ?? '')}`,
    );
    expect(ar.stdout).toContain(`(${ltr('custody verify --key')}): ${ltr(fingerprint)}`);
    expect(ok(await say('ru', 'key', 'show')).stdout).toMatch(/^Отпечаток рабочей станции/m);
    // This workstation's reviewer has no name: its card cannot be made yet.
    const unnamed = await say('ru', 'key', 'card', '--out', join(v.root, 'mine.card'));
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toBe(
      'custody: У проверяющего ещё нет имени: сначала задайте его (custody init --name или в настройках).\n',
    );
    const out = join(v.root, 'bea-again.card');
    const card = ok(await runCustody(['key', 'card', '--out', out, ...bea, '--lang', 'fa']));
    expect(card.stdout).toBe(
      `کارت ${FSI}Bea Day${PDI} در ${ltr(out)} نوشته شد. اثر انگشت: ${ltr(beaFingerprint)}\n`,
    );
    const again = await runCustody(['key', 'card', '--out', out, ...bea, '--lang', 'ar']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`custody: ${ltr(out)} موجود بالفعل؛ اختر اسمًا آخر.\n`);
    const json = await runCustody(['key', 'card', '--out', out, ...bea, '--json', '--lang', 'ar']);
    expect(json.json).toEqual({
      error: { code: 'INVALID_INPUT', message: `${out} already exists; choose another name.` },
    });
  }, 120_000);

  it('colleague add, list and remove; an unreadable card named in the language', async () => {
    const added = ok(await say('ru', 'colleague', 'add', beaCard));
    expect(added.stdout).toBe(
      [
        'Добавлен коллега Bea Day.',
        `Отпечаток: ${beaFingerprint}`,
        'Сверьте его с коллегой (прочитайте вслух); если он отличается, сразу удалите коллегу.',
        '',
      ].join('\n'),
    );
    const list = ok(await say('ar', 'colleague', 'list'));
    expect(list.stdout).toMatch(
      new RegExp(
        `^${ltr(beaFingerprint)} {2}${FSI}Bea Day${PDI} {2}\\(أُضيف ${LRI}\\d{4}-[^\\u2069]+Z${PDI}\\)$`,
        'm',
      ),
    );
    expect(await sameJson(['ar'], 'colleague', 'list')).toHaveLength(1);
    expect(ok(await say('fa', 'colleague', 'remove', beaFingerprint)).stdout).toBe(
      `${ltr(beaFingerprint)} حذف شد.\n`,
    );
    expect(ok(await say('fa', 'colleague', 'list')).stdout).toBe('همکاری ثبت نشده است.\n');
    const missing = join(v.root, 'absent.card');
    const unread = await say('ru', 'colleague', 'add', missing);
    expect(unread.code).toBe(2);
    expect(unread.stderr).toBe(`custody: Не удаётся прочитать карточку ${missing} (ENOENT).\n`);
  }, 120_000);
});

describe('custody hashlist, in the reviewer language', () => {
  it('list, import with skipped lines, export and remove', async () => {
    const ar = ok(await say('ar', 'hashlist', 'list'));
    expect(ar.stdout).toContain(
      `${FSI}Known${PDI}  الإصدار ${ltr('1')}  ${ltr('md5')}  محتوى غير قانوني معروف`,
    );
    expect(ar.stdout).toMatch(
      / {2}\u2066md5\u2069 \u20661\u2069 {2}عتبة PDQ \u206631\u2069 {2}استُوردت /,
    );
    const list = join(v.root, 'more.md5');
    await writeFile(list, `${'b'.repeat(32)}\nnot-a-hash\n`);
    const imported = ok(await say('ru', 'hashlist', 'import', list, '--name', 'More'));
    expect(imported.stdout).toContain(
      '1 запись, удалено: 0, пропущена 1 строка, 0 новых совпадений',
    );
    expect(imported.stdout).toMatch(/^ {2}строка 2: /m);
    const out = join(v.root, 'shared.csv');
    const exported = ok(
      await say('ru', 'hashlist', 'export', '--case', reported, '--format', 'csv', '--out', out),
    );
    expect(exported.stdout).toMatch(/^Хеши \d+ материал(а|ов) записаны в .*shared\.csv\.$/m);
    const lists = (await sameJson(['ru'], 'hashlist', 'list')) as { id: string; name: string }[];
    const more = lists.find((l) => l.name === 'More')?.id ?? '';
    expect(ok(await say('fa', 'hashlist', 'remove', more)).stdout).toBe(
      `فهرست هش ${ltr(more)} حذف شد.\n`,
    );
  }, 120_000);
});

describe('custody report, reporter and export, in the reviewer language', () => {
  it('report list, show, find and set-reference', async () => {
    const ar = ok(await say('ar', 'report', 'list'));
    expect(ar.stdout).toContain(`${ltr(draftId)}  مسودة بلاغ CyberTipline إلى NCMEC إلى `);
    expect(ar.stdout).toContain(`القضية ${ltr(reported)}  لا مرجع بعد`);
    expect(ar.stdout).toContain('حزمة أدلة');
    const shown = ok(await say('ru', 'report', 'show', draftId));
    expect(shown.stdout).toMatch(/^ {2}записан в: .*draft$/m);
    expect(shown.stdout).toContain(`${photo.id}  md5 ${photo.md5}`);
    const found = ok(await say('fa', 'report', 'find', photo.sha256));
    expect(found.stdout).toContain(`${ltr(photo.id)} (${ltr('sha256')})  در ${ltr(draftId)}`);
    const never = await say('ru', 'report', 'find', 'c'.repeat(64));
    expect(never.code).toBe(1);
    expect(never.stdout).toBe('Об этом файле не сообщалось.\n');
    const bad = await say('ru', 'report', 'find', 'xyz');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'custody: «xyz» — не хеш MD5, SHA-1 или SHA-256 (32, 40 или 64 шестнадцатеричные цифры).\n',
    );
    const set = ok(await say('ar', 'report', 'set-reference', draftId, '4242'));
    expect(set.stdout).toContain(`المرجع ${ltr('4242')}`);
    expect(set.stdout).toMatch(/^ {2}سُجّل المرجع: /m);
  }, 120_000);

  it('reporter show and set: the same JSON in every language', async () => {
    const ru = ok(await say('ru', 'reporter', 'show'));
    expect(ru.stdout).toBe('Example Foundation\n  контакт: Ada King <trust@example.org>\n');
    const ar = ok(await say('ar', 'reporter', 'show'));
    expect(ar.stdout).toContain(`جهة الاتصال: ${FSI}Ada King${PDI} <${ltr('trust@example.org')}>`);
    const args = ['reporter', 'set', '--org', 'Example Foundation', '--contact', 'Ada King'];
    const set = [...args, '--email', 'trust@example.org', '--phone', '+1 555 0100'];
    const en = await asJson('en', ...set);
    const fa = await asJson('fa', ...set);
    expect(fa.stdout).toBe(en.stdout);
    expect(ok(await say('fa', ...set)).stdout).toContain(`تلفن: ${ltr('+1 555 0100')}`);
  }, 120_000);

  it('export vics and case-uco; an export to a taken name is refused in the language', async () => {
    const vics = join(v.root, 'case.vics.json');
    const a = ok(await say('ar', 'export', 'vics', '--case', reported, '--out', vics));
    expect(a.stdout).toMatch(
      /^كُتبت بيانات VICS \u20662\.0\u2069 JSON في \u2066.*\u2069 \(عنصر واحد\)\.$/m,
    );
    expect(a.stdout).toMatch(
      /^سُجّل في دفتر التقارير بالمعرّف \u2066([^\u2069]+)\u2069: \u2066custody report show \1\u2069$/m,
    );
    const uco = join(v.root, 'case.jsonld');
    const r = ok(await say('ru', 'export', 'case-uco', '--case', reported, '--out', uco));
    expect(r.stdout).toContain(`CASE/UCO JSON-LD записан в ${uco} (1 материал).`);
    const again = await say('ru', 'export', 'case-uco', '--case', reported, '--out', uco);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`custody: ${uco} уже существует; выберите другое имя.\n`);
  }, 120_000);

  it('case set', async () => {
    const ru = ok(
      await say('ru', 'case', 'set', reported, '--incident-at', '2026-11-30T22:00:00Z'),
    );
    expect(ru.stdout).toMatch(
      new RegExp(
        `^${reported} {2}Reported\n {2}учётные записи из жалобы: 0 {2}места инцидента: 0 {2}время инцидента: 2026-11-30T22:00:00(\\.000)?Z\n$`,
      ),
    );
    const ar = ok(await say('ar', 'case', 'set', reported, '--no-incident-at'));
    expect(ar.stdout).toContain('وقت الحادثة: غير معروف');
  }, 120_000);
});

describe('custody verify, in the recipient language', () => {
  it('a pinned packet, an unpinned one and an altered one, with the exit statuses unchanged', async () => {
    const pinned = ok(await say('ar', 'verify', packet, '--key', fingerprint));
    expect(pinned.stdout).toContain(`VALID: وقّعها المفتاح المثبّت ${ltr(fingerprint)}.`);
    expect(pinned.stdout).toMatch(/^الحزمة \u2066[^\u2069]+\u2069، عنصر واحد:$/m);
    expect(pinned.stdout).toContain(`  سليم        ${ltr(photo.id)}  ${ltr(photo.sha256)}`);
    const unpinned = await say('ru', 'verify', packet);
    expect(unpinned.code).toBe(3);
    expect(unpinned.stdout).toContain(
      `VALID, но ключ НЕ ЗАКРЕПЛЁН: подписано ключом ${fingerprint}.`,
    );
    expect(unpinned.stdout).toContain(`запустите проверку снова с --key ${fingerprint}.`);
    const altered = join(v.root, 'altered.zip');
    await rewriteZip(packet, altered, (name, data) =>
      name === 'report.html' ? Buffer.concat([data, Buffer.from(' ')]) : data,
    );
    const bad = await say('ru', 'verify', altered, '--key', fingerprint);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID: найден[аоы]? \d+ проблем/m);
    expect(bad.stdout).toContain(
      '  [file-altered] report.html не совпадает со своим SHA-256 в манифесте: файл изменён.',
    );
    const fa = await say('fa', 'verify', altered, '--key', fingerprint);
    expect(fa.stdout).toContain(`  [${ltr('file-altered')}] ${ltr('report.html')} با SHA-256`);
    const en = await say('en', 'verify', altered, '--key', fingerprint);
    expect(en.stdout).toContain(
      '  [file-altered] report.html does not match its SHA-256 in the manifest: it was altered.',
    );
  }, 120_000);

  it('names input that is no packet in the language, --json keeping the English', async () => {
    const notZip = join(v.root, 'not-a-packet.zip');
    await writeFile(notZip, 'plain text');
    const ru = await runCustody(['verify', notZip, '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe(`custody: ${notZip} — не ZIP-файл и не пакет, зашифрованный age.\n`);
    const json = await runCustody(['verify', notZip, '--json', '--lang', 'ar']);
    expect(json.json).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: `${notZip} is not a ZIP file, nor an age-encrypted packet.`,
      },
    });
  }, 120_000);
});

describe('--json in every language', () => {
  it('is byte for byte the same for item show and verify in all four', async () => {
    await sameJson(['ar', 'fa', 'ru'], 'item', 'show', photo.id);
    const verdict = (await sameJson(
      ['ar', 'fa', 'ru'],
      'verify',
      packet,
      '--key',
      fingerprint,
    )) as {
      valid: boolean;
    };
    expect(verdict.valid).toBe(true);
  }, 120_000);

  // English against each other language in turn: the same document for every command moved.
  const commands: [string, () => string[]][] = [
    ['item list', () => ['item', 'list', '--case', reported]],
    ['item text', () => ['item', 'text', textItem]],
    ['item frames', () => ['item', 'frames', photo.id]],
    ['item suggest', () => ['item', 'suggest', photo.id]],
    ['key show', () => ['key', 'show']],
    ['report list', () => ['report', 'list']],
    ['report show', () => ['report', 'show', draftId]],
    ['report find', () => ['report', 'find', photo.md5]],
    ['reporter show', () => ['reporter', 'show']],
  ];
  const others = ['ar', 'fa', 'ru'] as const;
  it.each(commands.map(([name, args], n) => ({ name, args, lang: others[n % 3] ?? 'ar' })))(
    '$name: English and $lang',
    async ({ args, lang }) => {
      await sameJson([lang], ...args());
    },
    120_000,
  );
});
