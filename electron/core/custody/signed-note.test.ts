// Signed notes and checkpoints against references nobody here wrote: Go's golang.org/x/mod/sumdb/note
// test vectors and C2SP's example (tests/fixtures/signed-note), then the tlog-checkpoint rules on
// checkpoints signed here and changed one rule at a time.
import { describe, it, expect } from 'vitest';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import {
  openCheckpoint,
  openNote,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  type NoteKey,
} from './signed-note.ts';

interface Vectors {
  keys: Record<string, string>;
  badKeys: string[];
  signer: { skey: string; text: string; note: string };
  open: { desc: string; key: string; note: string; text: string | null }[];
  invalidUtf8: { key: string; hex: string };
}
const v = JSON.parse(
  readFileSync(join(FIXTURES, 'signed-note', 'vectors.json'), 'utf8'),
) as Vectors;

function key(name: string): NoteKey {
  const k = parseVerifierKey(v.keys[name] ?? '');
  if (!k) throw new Error(`verifier key ${name} does not parse`);
  return k;
}

describe('signed notes (Go x/mod/sumdb/note and C2SP vectors)', () => {
  it('reads the verifier keys, and refuses a wrong length or an unknown algorithm', () => {
    for (const name of Object.keys(v.keys)) expect(key(name).name).toBe(name);
    for (const bad of v.badKeys) expect(parseVerifierKey(bad)).toBeNull();
  });

  it("signs Go's note byte for byte with Go's private key", () => {
    const raw = Buffer.from(v.signer.skey.split('+').slice(4).join('+'), 'base64');
    expect(raw[0]).toBe(1);
    const pkcs8 = Buffer.concat([
      Buffer.from('302e020100300506032b657004220420', 'hex'),
      raw.subarray(1),
    ]);
    const priv = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    const note = signNote(v.signer.text, key('PeterNeumann'), (m) => sign(null, m, priv));
    expect(note).toBe(v.signer.note);
  });

  it.each(v.open.map((o) => [o.desc, o] as const))('%s', (_desc, o) => {
    expect(openNote(o.note, key(o.key))).toBe(o.text);
  });

  it('refuses a note that is not UTF-8', () => {
    expect(openNote(Buffer.from(v.invalidUtf8.hex, 'hex'), key(v.invalidUtf8.key))).toBeNull();
  });
});

describe('checkpoints (c2sp.org/tlog-checkpoint)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const origin = 'example.com/custody-test';
  const root = Buffer.alloc(32, 7);
  const signText = (text: string) =>
    signNote(text, { name: origin, publicKey: raw }, (m) => sign(null, m, privateKey));
  const good = `${origin}\n8\n${root.toString('base64')}\n`;

  it('opens one signed here, and one with extension lines', () => {
    expect(openCheckpoint(signText(good), origin, raw)).toMatchObject({ origin, treeSize: 8 });
    const extended = openCheckpoint(signText(`${good}ext one\next two\n`), origin, raw);
    expect(extended?.extensions).toEqual(['ext one', 'ext two']);
    expect(
      signCheckpoint({ origin, treeSize: 8, root }, origin, raw, (m) => sign(null, m, privateKey)),
    ).toBe(signText(good));
  });

  it.each([
    ['a tree size with a leading zero', `${origin}\n08\n${root.toString('base64')}\n`],
    ['a tree size with a sign', `${origin}\n+8\n${root.toString('base64')}\n`],
    ['a root of 3 bytes', `${origin}\n8\n${Buffer.alloc(3, 7).toString('base64')}\n`],
    ['a root of 33 bytes', `${origin}\n8\n${Buffer.alloc(33, 7).toString('base64')}\n`],
    [
      'a root in non-canonical base64',
      `${origin}\n8\n${root.toString('base64').replace(/=$/, '')}\n`,
    ],
    ['an empty origin', `\n8\n${root.toString('base64')}\n`],
    ['an empty extension line', `${good}\nafter-empty\n`],
    ['two lines only', `${origin}\n8\n`],
  ])('refuses %s, though validly signed', (_what, text) => {
    expect(openCheckpoint(signText(text), origin, raw)).toBeNull();
  });

  it('refuses a signature line without its final newline, or under another key name', () => {
    expect(openCheckpoint(signText(good).slice(0, -1), origin, raw)).toBeNull();
    expect(openCheckpoint(signText(good), 'other.example/log', raw)).toBeNull();
  });
});
