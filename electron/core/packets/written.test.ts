// Written evidence in a packet: each text layer as UTF-8 beside its original and hashed in the
// manifest; each child item saying where it came from, with the parents' originals on request;
// and a verifier that names a tampered text file and a provenance that disagrees with the log.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startIngest } from '../ingest/ingest.service.ts';
import { addNote } from '../triage/triage.service.ts';
import { itemText } from '../items/item-text.ts';
import { getItem } from '../items/item.service.ts';
import { workstationKey } from '../custody/signing-key.ts';
import { buildPacket } from './build.ts';
import { manifestSchema, type Manifest } from './manifest.ts';
import { verifyPacket } from './verify.ts';
import {
  flipByte,
  packetVault,
  readZip,
  rewriteZip,
  writeZip,
  type PacketVault,
} from '../../../tests/helpers/packets.ts';

const THREAT = 'Мы найдём тебя завтра у школы\nسنجدك غداً عند المدرسة\n';

let pv: PacketVault;
let outer: string;
let inner: string;
let threat: string;
let n = 0;

const out = () => join(pv.dir, `written-${n++}.zip`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const childOf = (parentId: string) =>
  pv.vault.db.prepare('SELECT id FROM items WHERE parent_id = ?').pluck().get(parentId) as string;

async function contents(path: string) {
  const files = new Map((await readZip(path)).map((e) => [e.name, e.data]));
  const manifest = manifestSchema.parse(JSON.parse(files.get('manifest.json')?.toString() ?? ''));
  return { files, manifest };
}

beforeAll(async () => {
  pv = await packetVault();
  // outer.zip › nested/inner.zip › threat.txt: a child of a child.
  const innerZip = join(pv.dir, 'inner.zip');
  await writeZip(innerZip, [{ name: 'threat.txt', data: Buffer.from(THREAT, 'utf8') }]);
  const outerZip = join(pv.dir, 'outer.zip');
  await writeZip(outerZip, [{ name: 'nested/inner.zip', data: await readFile(innerZip) }]);
  const results = await startIngest(pv.vault, pv.core.decoder(), pv.caseId, [outerZip], () => {})
    .finished;
  outer = results[0]?.item?.id ?? '';
  inner = childOf(outer);
  threat = childOf(inner);
  expect(getItem(pv.vault, threat).pathInParent).toBe('threat.txt');
}, 60_000);
afterAll(() => pv.cleanup());

describe('packets carry written evidence', () => {
  it('puts each text layer in as UTF-8, hashed, and says where a child came from', async () => {
    const path = out();
    await buildPacket(pv.vault, { caseId: pv.caseId, itemIds: [threat], out: path });
    const { files, manifest } = await contents(path);
    const item = manifest.items.find((i) => i.id === threat);
    const layer = await itemText(pv.vault, threat);
    expect(layer.text).toBe(THREAT);
    const text = files.get(`text/${threat}.txt`);
    expect(text?.toString('utf8')).toBe(THREAT);
    expect(item?.text).toMatchObject({
      path: `text/${threat}.txt`,
      size: text?.length,
      sha256: sha256(text ?? Buffer.alloc(0)),
      encoding: layer.encoding,
    });
    expect(manifest.files).toContainEqual({
      path: `text/${threat}.txt`,
      size: text?.length,
      sha256: item?.text?.sha256,
    });
    expect(item?.parent).toEqual({
      id: inner,
      sha256: getItem(pv.vault, inner).sha256,
      pathInParent: 'threat.txt',
    });
    // Without --with-parents only the chosen child goes in.
    expect(manifest.items.map((i) => i.id)).toEqual([threat]);
    expect(manifest.contents).toMatchObject({ text: true, parents: false });
    expect(await verifyPacket(path)).toMatchObject({ valid: true, problems: [] });
  });

  it('adds every ancestor original with --with-parents, each with its own provenance', async () => {
    const path = out();
    await buildPacket(pv.vault, {
      caseId: pv.caseId,
      itemIds: [threat],
      out: path,
      includeParents: true,
    });
    const { files, manifest } = await contents(path);
    expect(manifest.items.map((i) => i.id)).toEqual([threat, inner, outer]);
    expect(manifest.contents.parents).toBe(true);
    const byId = new Map(manifest.items.map((i) => [i.id, i]));
    expect(byId.get(inner)?.parent).toEqual({
      id: outer,
      sha256: getItem(pv.vault, outer).sha256,
      pathInParent: 'nested/inner.zip',
    });
    expect(byId.get(outer)?.parent).toBeNull();
    for (const id of [inner, outer]) {
      const evidence = byId.get(id)?.evidence ?? '';
      expect(sha256(files.get(evidence) ?? Buffer.alloc(0))).toBe(getItem(pv.vault, id).sha256);
    }
    const verdict = await verifyPacket(path);
    expect(verdict).toMatchObject({ valid: true, problems: [] });
    expect(verdict.items.map((i) => i.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('names a text file changed in transit', async () => {
    const path = out();
    await buildPacket(pv.vault, { caseId: pv.caseId, itemIds: [threat], out: path });
    const tampered = out();
    const name = `text/${threat}.txt`;
    await rewriteZip(path, tampered, (entry, data) => (entry === name ? flipByte(data) : data));
    const verdict = await verifyPacket(tampered);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ code: 'file-altered', path: name }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ code: 'text-mismatch', path: name }),
    );
  });

  it('names a provenance that disagrees with the log or the parent, even signed by the real key', async () => {
    const path = out();
    await buildPacket(pv.vault, {
      caseId: pv.caseId,
      itemIds: [threat],
      out: path,
      includeParents: true,
    });
    const key = workstationKey(pv.vault);
    const resigned = async (edit: (m: Manifest) => void) => {
      const { manifest } = await contents(path);
      edit(manifest);
      const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
      const sig = Buffer.from(
        JSON.stringify({
          algorithm: 'Ed25519',
          publicKey: manifest.signer.publicKey,
          fingerprint: key.fingerprint,
          signature: key.sign(bytes).toString('base64'),
        }),
      );
      const target = out();
      await rewriteZip(path, target, (entry, data) =>
        entry === 'manifest.json' ? bytes : entry === 'manifest.sig' ? sig : data,
      );
      return verifyPacket(target);
    };
    const codes = (v: { problems: { code: string }[] }) => v.problems.map((p) => p.code);
    const moved = await resigned((m) => {
      const child = m.items.find((i) => i.id === threat);
      if (child?.parent) child.parent.pathInParent = 'elsewhere.txt';
    });
    expect(codes(moved)).toEqual(['provenance-mismatch']);
    const orphaned = await resigned((m) => {
      const child = m.items.find((i) => i.id === threat);
      if (child) child.parent = null;
    });
    expect(codes(orphaned)).toEqual(['provenance-mismatch']);
    const otherParent = await resigned((m) => {
      const parent = m.items.find((i) => i.id === inner);
      if (parent) parent.sha256 = 'ab'.repeat(32);
    });
    expect(codes(otherParent)).toContain('provenance-mismatch');
  });

  it('quotes the marked lines in the report, each line in its own direction, and says where the item was', async () => {
    const [first, second] = THREAT.split('\n');
    addNote(pv.vault, threat, `lines 1–2: “${first}\n${second}”`);
    const path = out();
    await buildPacket(pv.vault, {
      caseId: pv.caseId,
      itemIds: [threat],
      out: path,
      includeParents: true,
      reportLang: 'ar',
      renderPdf: () => Promise.resolve(Buffer.from('%PDF-1.7\n')),
    });
    const html = (await contents(path)).files.get('report.html')?.toString('utf8') ?? '';
    // The Arabic line is a paragraph of its own: right to left, not in the English lead's direction.
    expect(html).toContain(
      `<div dir="auto">lines 1–2: “${first}</div><div dir="auto">${second}”</div>`,
    );
    expect(html).toContain('وُجد داخل');
    expect(html).toContain('<bdi>threat.txt</bdi>, <bdi>inner.zip</bdi>');
    expect(html).toContain(`<span class="mono">text/${threat}.txt</span>`);
  });
});
