// The CyberTipline draft, checked against the field tables in docs/formats/cybertipline.md: every
// element a row of its table, in the table's order, the required ones present. Tests cannot carry
// NCMEC's XSD; the tables are what the draft promises.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { seededVault, unveilTo, type SeededVault } from '../../../../tests/helpers/vault.ts';
import { ensureSchemeCategories, labelItem } from '../../../../tests/helpers/category-schemes.ts';
import { tempDir } from '../../../../tests/helpers/temp.ts';
import { incidentTypes } from '../../../../shared/domain/cybertipline.ts';

const DOC = join(import.meta.dirname, '../../../../docs/formats/cybertipline.md');
const XSD = join(import.meta.dirname, '../../../../tests/fixtures/cybertipline/draft-shape.xsd');

interface Row {
  element: string;
  required: boolean;
}

/** `### name` then its table: element names in order, and whether each is required. */
async function fieldTables(): Promise<Map<string, Row[]>> {
  const text = await readFile(DOC, 'utf8');
  const tables = new Map<string, Row[]>();
  for (const section of text.split(/^### /m).slice(1)) {
    const name = section.slice(0, section.indexOf('\n')).trim();
    const rows = [...section.matchAll(/^\|\s*(\d+)\s*\|\s*(\w+)\s*\|\s*([^|]*?)\s*\|/gm)].map(
      (m) => ({
        element: m[2] ?? '',
        required: m[3] === 'yes',
      }),
    );
    tables.set(name, rows);
  }
  return tables;
}

const parse = (xml: string) =>
  new new Window().DOMParser().parseFromString(xml, 'application/xml').documentElement;
type El = Pick<ReturnType<typeof parse>, 'localName' | 'children' | 'querySelector'>;
const kids = (e: El): El[] => [...e.children];

/** Every element with a table is checked: names in the table, order kept, required present. */
function checkAgainst(tables: Map<string, Row[]>, e: El, path = e.localName): string[] {
  const rows = tables.get(e.localName);
  if (!rows) return [];
  const problems: string[] = [];
  const order = rows.map((r) => r.element);
  let last = -1;
  for (const child of kids(e)) {
    const at = order.indexOf(child.localName);
    if (at < 0) problems.push(`${path}/${child.localName} is not in the table`);
    else if (at < last) problems.push(`${path}/${child.localName} is out of order`);
    else last = at;
    problems.push(...checkAgainst(tables, child, `${path}/${child.localName}`));
  }
  for (const r of rows)
    if (r.required && !kids(e).some((c) => c.localName === r.element))
      problems.push(`${path}/${r.element} is required and missing`);
  return problems;
}

let v: SeededVault;
let out: Awaited<ReturnType<typeof tempDir>>;

beforeEach(async () => {
  v = await seededVault({ cases: 1, itemsPerCase: 3, kind: 'child-safety' });
  out = await tempDir();
  await v.call('exports:reporter-set', {
    organisation: 'Example Foundation',
    contactName: 'Ada Byron King',
    email: 'trust@example.org',
    phone: '+1 555 0100',
    termsOfServiceUrl: 'https://example.org/terms',
    legalUrl: 'https://example.org/legal',
  });
});
afterEach(async () => {
  await v.cleanup();
  await out.cleanup();
});

async function draft(caseId: string, extra: { xsd?: string; incidentType?: string } = {}) {
  const dir = join(out.path, 'draft');
  const r = await v.core.exports.ncmec({ caseId, out: dir, ...extra });
  const read = async (name: string) => readFile(join(dir, name), 'utf8');
  return { r, dir, read };
}

describe('the CyberTipline draft', () => {
  it('follows the documented field tables element by element and in order', async () => {
    const [c] = v.cases;
    if (!c) throw new Error('no case');
    const [a, b, d] = c.items;
    if (!a || !b || !d) throw new Error('no items');
    await v.call('cases:update', {
      id: c.id,
      emergency: true,
      incidentAt: '2026-02-03T04:05:06Z',
      reportedAccounts: [
        {
          screenName: 'seller_77',
          displayName: 'Seller',
          profileUrl: 'https://social.example/u/seller_77',
          espIdentifier: '991',
          ipCaptures: [
            {
              ipAddress: '198.51.100.4',
              eventName: 'Upload',
              at: '2026-02-03T04:00:00Z',
              port: 443,
            },
          ],
        },
        { screenName: 'second', ipCaptures: [] },
      ],
      incidents: [
        { kind: 'web-page', value: 'https://social.example/p/1', at: '2026-02-03T04:01:00Z' },
        { kind: 'email', value: 'seller@mail.example' },
        { kind: 'chat', value: 'Example Messenger' },
      ],
    });
    ensureSchemeCategories(v.core.vault().db);
    labelItem(v.core.vault().db, a.id, 'industry', 'A1');
    await v.call('triage:tag', { itemIds: [a.id], tag: 'infant', on: true });
    await v.call('triage:tag', { itemIds: [b.id], tag: 'sextortion', on: true });
    const { r, read } = await draft(c.id, { xsd: XSD });
    const tables = await fieldTables();
    expect(tables.get('fileDetails')?.length).toBe(17);

    const report = parse(await read('report.xml'));
    expect(report.localName).toBe('report');
    expect(checkAgainst(tables, report)).toEqual([]);
    expect(kids(report).map((e) => e.localName)).toEqual([
      'incidentSummary',
      'internetDetails',
      'internetDetails',
      'internetDetails',
      'reporter',
      'personOrUserReported',
      'additionalInfo',
    ]);
    const summary = kids(report)[0];
    if (!summary) throw new Error('no summary');
    expect(kids(summary).map((e) => e.localName)).toEqual([
      'incidentType',
      'escalateToHighPriority',
      'reportAnnotations',
      'incidentDateTime',
    ]);
    expect(summary.querySelector('incidentType')?.textContent).toBe(incidentTypes[0]);
    expect(summary.querySelector('incidentDateTime')?.textContent).toBe('2026-02-03T04:05:06Z');
    expect(summary.querySelector('reportAnnotations sextortion')).not.toBeNull();
    const person = report.querySelector('personOrUserReported');
    expect(person && kids(person).map((e) => e.localName)).toEqual([
      'espIdentifier',
      'screenName',
      'displayName',
      'profileUrl',
      'ipCaptureEvent',
      'additionalInfo',
    ]);
    expect(person?.querySelector('additionalInfo')?.textContent).toContain('second');
    const reporter = report.querySelector('reporter');
    expect(reporter?.querySelector('firstName')?.textContent).toBe('Ada Byron');
    expect(reporter?.querySelector('lastName')?.textContent).toBe('King');
    expect(reporter?.querySelector('legalUrl')?.textContent).toBe('https://example.org/legal');
    expect(report.querySelector('webPageIncident url')?.textContent).toBe(
      'https://social.example/p/1',
    );
    expect(report.querySelector('emailIncident emailAddress')?.textContent).toBe(
      'seller@mail.example',
    );

    expect(r.files.toSorted()).toEqual(
      ['report.xml', ...c.items.map((i) => `fileDetails-${i.id}.xml`)].toSorted(),
    );
    const files = parse(await read(`fileDetails-${a.id}.xml`));
    expect(checkAgainst(tables, files)).toEqual([]);
    expect(files.querySelector('reportId')?.textContent).toBe('0');
    expect(files.querySelector('fileId')?.textContent).toBe(a.id);
    expect(files.querySelector('originalFileName')?.textContent).toBe(a.originalName);
    expect(files.querySelector('industryClassification')?.textContent).toBe('A1');
    expect(files.querySelector('fileAnnotations infant')).not.toBeNull();
    const item = await v.call('items:get', { id: a.id });
    const hashes = [...files.querySelectorAll('originalFileHash')].map((h) => [
      h.getAttribute('hashType'),
      h.textContent,
    ]);
    expect(hashes).toEqual([
      ['MD5', item.md5],
      ['SHA1', item.sha1],
      ['SHA256', item.sha256],
      ['PDQ', item.pdq],
    ]);
  });

  it('says a file was viewed only when the custody log shows it unveiled beyond the veil', async () => {
    const [c] = v.cases;
    const [a, b] = c?.items ?? [];
    if (!c || !a || !b) throw new Error('no items');
    unveilTo(v.core, a.id, 'outline');
    v.core.reveal.veilAll();
    const { read } = await draft(c.id);
    const viewed = async (id: string) =>
      parse(await read(`fileDetails-${id}.xml`)).querySelector('fileViewedByEsp')?.textContent;
    expect(await viewed(a.id)).toBe('true');
    expect(await viewed(b.id)).toBe('false');
  });

  it('never writes an industry classification outside A1–B2', async () => {
    const [c] = v.cases;
    const [a, b] = c?.items ?? [];
    if (!c || !a || !b) throw new Error('no items');
    const db = v.core.vault().db;
    ensureSchemeCategories(db);
    // A label the industry scheme does not have (a typo, an import from elsewhere).
    db.prepare(
      "INSERT OR IGNORE INTO categories (id, scheme, code, label, position) VALUES ('industry:C3', 'industry', 'C3', 'Not a real one', 99)",
    ).run();
    labelItem(db, a.id, 'industry', 'C3');
    labelItem(db, b.id, 'industry', 'B2');
    const { read } = await draft(c.id, { xsd: XSD });
    expect(await read(`fileDetails-${a.id}.xml`)).not.toContain('industryClassification');
    expect(await read(`fileDetails-${b.id}.xml`)).toContain(
      '<industryClassification>B2</industryClassification>',
    );
  });

  it('refuses an incident type the API does not spell that way, and a case that is not child safety', async () => {
    const [c] = v.cases;
    if (!c) throw new Error('no case');
    await expect(
      draft(c.id, { incidentType: 'Online Enticement of Children for Sexual Act' }),
    ).rejects.toThrow(/not a CyberTipline incident type/);
    await v.call('cases:update', { id: c.id, kind: 'harassment' });
    await expect(draft(c.id)).rejects.toThrow(/child sexual exploitation/);
    const { read } = await draft(c.id, {
      incidentType: 'Online Enticement of Children for Sexual Acts',
    });
    expect(await read('report.xml')).toContain(
      '<incidentType>Online Enticement of Children for Sexual Acts</incidentType>',
    );
  });

  it('validates against the organisation’s XSD before writing, and writes nothing when it fails', async () => {
    const [c] = v.cases;
    if (!c) throw new Error('no case');
    const strict = join(out.path, 'strict.xsd');
    // The same shape, except that reporter now requires an element the draft does not have.
    const shape = await readFile(XSD, 'utf8');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(
        strict,
        shape.replace(
          '<xs:element name="legalUrl" type="xs:string" minOccurs="0"/>',
          '<xs:element name="legalUrl" type="xs:string" minOccurs="0"/><xs:element name="mustHave" type="xs:string"/>',
        ),
      ),
    );
    await expect(draft(c.id, { xsd: strict })).rejects.toThrow(
      /report\.xml does not validate against .*strict\.xsd.*nothing was written/,
    );
    expect(await readdir(out.path)).toEqual(['strict.xsd']);
    expect((await v.call('reports:list', {})).length).toBe(0);
  });

  it('takes the XSD from the open dialog through the dispatcher, by a handle for that use only', async () => {
    const [c] = v.cases;
    if (!c) throw new Error('no case');
    const strict = join(out.path, 'strict.xsd');
    const shape = await readFile(XSD, 'utf8');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(strict, shape.replace('name="reporter"', 'name="reporterRenamed"')),
    );
    // What the dialogs hand the page: handles, each bound to its purpose.
    const target = () => v.core.paths.grant(join(out.path, 'draft'), 'packet-out').handle;
    const xsd = v.core.paths.grant(strict, 'xsd').handle;
    await expect(v.call('exports:ncmec', { caseId: c.id, out: target(), xsd })).rejects.toThrow(
      /INVALID_INPUT: report\.xml does not validate against .*strict\.xsd/,
    );
    expect(await readdir(out.path)).toEqual(['strict.xsd']);
    // A handle chosen for another use is refused as the XSD, and the shape XSD passes.
    await expect(
      v.call('exports:ncmec', { caseId: c.id, out: target(), xsd: target() }),
    ).rejects.toThrow(/FORBIDDEN/);
    const ok = await v.call('exports:ncmec', {
      caseId: c.id,
      out: target(),
      xsd: v.core.paths.grant(XSD, 'xsd').handle,
    });
    expect(ok.items).toBe(3);
    // No dialog in this core: the page is told so, not handed a path.
    await expect(v.call('exports:pick-xsd', {})).rejects.toThrow(/UNSUPPORTED/);
  });
});
