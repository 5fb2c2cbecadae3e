// The report a police officer reads: labels and words instead of Custody's ids and codes, custody
// history in sentences, times on one line, counts up front, raw entries only in the appendix; in
// the packet's report language, right to left for Arabic and Persian. Checked in the real PDF
// through pdftotext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPacket } from './build.ts';
import { reportWords, type ReportLang } from './report-words.ts';
import { packetVault, readZip, type PacketVault } from '../../../tests/helpers/packets.ts';
import { unveilTo } from '../../../tests/helpers/vault.ts';
import { addNote } from '../triage/triage.service.ts';
import { SENTENCES } from '../../../tests/fixtures/written/sentences.ts';

let pv: PacketVault;
/** Lines quoted from written evidence into a note, as the text view writes them. */
const QUOTES = [
  { line: 2, text: SENTENCES.arabic2 },
  { line: 3, text: SENTENCES.farsi2 },
  { line: 4, text: SENTENCES.russian2 },
] as const;
const built = new Map<ReportLang, { html: string; text: string }>();
const stripBidiMarks = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

async function build(lang: ReportLang) {
  const out = join(pv.dir, `packet-${lang}.zip`);
  await buildPacket(pv.vault, { caseId: pv.caseId, out, reportLang: lang });
  const entries = await readZip(out);
  const get = (n: string) => entries.find((e) => e.name === n)?.data ?? Buffer.alloc(0);
  const pdf = join(pv.dir, `report-${lang}.pdf`);
  await writeFile(pdf, get('report.pdf'));
  const text = stripBidiMarks(
    execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
  );
  built.set(lang, { html: get('report.html').toString('utf8'), text });
}

beforeAll(async () => {
  pv = await packetVault();
  unveilTo(pv.core, pv.byRole.gps, 'outline');
  pv.core.reveal.veilAll();
  for (const q of QUOTES) addNote(pv.vault, pv.byRole.gps, `line ${q.line}: “${q.text}”`);
  await build('en');
  await build('ar');
}, 120_000);
afterAll(() => pv.cleanup());

/** The report before its appendix (which opens with the case id): what the reader reads. */
function mainBody(lang: ReportLang): string {
  const text = built.get(lang)?.text ?? '';
  const at = text.indexOf(pv.caseId);
  expect(at, 'the appendix').toBeGreaterThan(0);
  const body = text.slice(0, at);
  if (lang === 'en') expect(body).toContain(reportWords.en.appendix);
  return body;
}

describe('the packet report', () => {
  it('shows no internal ids, codes or raw JSON before the appendix', () => {
    const body = mainBody('en');
    for (const id of [pv.caseId, ...pv.itemIds]) expect(body).not.toContain(id);
    for (const code of ['custody:', 'threat-of-violence', 'not-actionable', 'item.unveiled', '{"'])
      expect(body).not.toContain(code);
    const html = built.get('en')?.html ?? '';
    const appendix = html.slice(html.indexOf('id="appendix"'));
    for (const id of pv.itemIds) expect(appendix).toContain(id);
    expect(appendix).toContain('item.unveiled');
    expect(html.slice(0, html.indexOf('id="appendix"'))).not.toContain('item.unveiled');
  });

  it('speaks in labels, severity words and sentences, with counts and one-line times', () => {
    const body = mainBody('en');
    expect(body).toContain('Threat of violence');
    expect(body).toContain('Medium');
    expect(body).toContain('Not rated');
    expect(body).toMatch(/By category[\s\S]*By severity[\s\S]*By kind of file/);
    expect(body).toMatch(/Unveiled to outline for \d+ s by /);
    expect(body).toMatch(
      /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \((\d{4}-\d\d-\d\d )?\d\d:\d\d local\)/,
    );
  });

  it('gives full pages only to items with notes', () => {
    const html = built.get('en')?.html ?? '';
    expect([...html.matchAll(/<article class="item">/g)]).toHaveLength(3);
  });

  it('is written in the chosen language, right to left for Arabic, quotes in logical order', () => {
    const html = built.get('ar')?.html ?? '';
    expect(html).toContain('<html lang="ar" dir="rtl">');
    const body = mainBody('ar');
    expect(body).toContain('حزمة أدلة');
    expect(body).toContain('متوسطة');
    const lines = body.split('\n').map((l) => l.trim());
    for (const note of [pv.fx.notes.ar, pv.fx.notes.fa, pv.fx.notes.ru])
      expect(
        lines.some((l) => l.includes(note)),
        note,
      ).toBe(true);
    expect(built.get('en')?.html).toContain('<html lang="en" dir="ltr">');
  });

  it('keeps quotes from written evidence whole, in logical order, beside their line numbers', () => {
    for (const lang of ['en', 'ar'] as const) {
      const lines = mainBody(lang)
        .split('\n')
        .map((l) => l.trim());
      for (const q of QUOTES) {
        const holding = lines.find((l) => l.includes(q.text));
        expect(holding, `${lang}: ${q.text}`).toBeDefined();
        expect(holding, `${lang}: line ${q.line}`).toContain(`line ${q.line}`);
      }
    }
  });
});
