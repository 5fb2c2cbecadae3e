// Sealing a bundle's files into this vault's blob store before any row is written: each file is
// re-encrypted under the case key while its SHA-256 is checked against the manifest's; the caller
// removes every blob in `written` if anything fails.
import { createHash } from 'node:crypto';
import type { UnlockedVault } from '../vault/vault.ts';
import type { BlobInfo } from '../blobs/index.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import type { OpenedBundle } from './open-bundle.ts';
import { BundleRefusedError, type BundleItem } from './bundle-format.ts';

type SealedPreview = { p: BundleItem['previews'][number]; blob: BlobInfo };

export interface ImportedItem {
  item: BundleItem;
  original: BlobInfo;
  previews: SealedPreview[];
  frames: { idx: number; previews: SealedPreview[] }[];
  text: { blob: BlobInfo; text: string } | null;
}

async function sealFile(
  vault: UnlockedVault,
  key: SecretKey,
  b: OpenedBundle,
  ref: { path: string; sha256: string },
  written: BlobInfo[],
  kept?: Buffer[],
): Promise<BlobInfo> {
  const entry = b.files.get(ref.path);
  if (!entry) throw new BundleRefusedError('damaged', `${ref.path} is missing.`);
  const writer = vault.blobs.openWriter(key);
  const hash = createHash('sha256');
  try {
    for await (const piece of await b.zip.openReadStreamPromise(entry)) {
      hash.update(piece as Buffer);
      kept?.push(piece as Buffer);
      await writer.write(piece as Buffer);
    }
    if (hash.digest('hex') !== ref.sha256)
      throw new BundleRefusedError(
        'damaged',
        `${ref.path} does not match its SHA-256 in the manifest.`,
      );
    const info = await writer.commit();
    written.push(info);
    return info;
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

/** Seals every file of one item: original, previews, each frame's previews, the text layer. */
export async function sealItem(
  vault: UnlockedVault,
  key: SecretKey,
  b: OpenedBundle,
  item: BundleItem,
  written: BlobInfo[],
): Promise<ImportedItem> {
  const seal = async (ps: BundleItem['previews']) => {
    const out: SealedPreview[] = [];
    for (const p of ps) out.push({ p, blob: await sealFile(vault, key, b, p.file, written) });
    return out;
  };
  const original = await sealFile(vault, key, b, item.original, written);
  const previews = await seal(item.previews);
  const frames = [];
  for (const f of item.frames) frames.push({ idx: f.idx, previews: await seal(f.previews) });
  let text: ImportedItem['text'] = null;
  if (item.textLayer) {
    const pieces: Buffer[] = [];
    const blob = await sealFile(vault, key, b, item.textLayer.file, written, pieces);
    text = { blob, text: Buffer.concat(pieces).toString('utf8') };
  }
  return { item, original, previews, frames, text };
}
