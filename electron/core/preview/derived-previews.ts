// A picture's screen-size outline and greyscale previews, made on first need rather than at
// ingest (media/preview-variants.ts says why). They come from the stored screen-size colour JPEG,
// which Custody itself encoded and which is authenticated as it is decrypted, so they are made
// here with sharp like any preview, not in the decode process that reads hostile evidence. Both
// are made at once (they share the greyscale) and sealed into blobs like ingest's previews.
import type { UnlockedVault } from '../vault/vault.ts';
import { insertBlobRow } from '../blobs/blob.queries.ts';
import { insertPreview, selectPreviewBlob } from '../items/item.queries.ts';
import { insertFramePreview, selectFramePreviewBlob } from '../items/item-content.queries.ts';
import {
  DERIVED_SCREEN_VARIANTS,
  deriveScreenVariants,
  type DerivedScreenVariant,
  type EncodedPreview,
} from '../media/preview-variants.ts';

export type DerivedSet = Record<DerivedScreenVariant, EncodedPreview>;

export function isDerivedVariant(variant: string): variant is DerivedScreenVariant {
  return (DERIVED_SCREEN_VARIANTS as readonly string[]).includes(variant);
}

type StoredRow = { caseId: string; blobId: string; mime: string };

export class DerivedPreviews {
  readonly #vault: () => UnlockedVault;
  /** One derivation per picture at a time: a reveal and an earlier prepare() share it. */
  readonly #running = new Map<
    string,
    { made: Promise<DerivedSet | null>; stored: Promise<void | null> }
  >();

  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }

  /**
   * The picture's (an item's, or its still `frame`'s) screen preview of `variant`, which is not
   * stored yet: made now (or taken from a making under way), and stored just after. Null when there
   * is no screen-size colour picture to make it from. The caller has already checked that the
   * reveal allows serving it, and looked for a stored one.
   */
  async make(
    itemId: string,
    frame: number | null,
    variant: DerivedScreenVariant,
  ): Promise<EncodedPreview | null> {
    const made = await this.#once(itemId, frame);
    return made ? made[variant] : null;
  }

  /** Makes the picture's derived previews ahead of its reveal; a failure is met again later. */
  prepare(itemId: string, frame: number | null): void {
    try {
      const vault = this.#vault();
      if (DERIVED_SCREEN_VARIANTS.every((v) => stored(vault, itemId, frame, v))) return;
    } catch {
      return; // locked: nothing to prepare
    }
    this.#once(itemId, frame).catch(() => {});
  }

  /** Settles when every derivation started so far has been stored (or failed to be). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#running.values()].map((r) => r.stored));
  }

  /** The pictures as soon as they are made; they are sealed and stored after, meanwhile shared. */
  async #once(itemId: string, frame: number | null): Promise<DerivedSet | null> {
    const key = `${itemId}/${frame ?? ''}`;
    let running = this.#running.get(key);
    if (!running) {
      const made = this.#make(itemId, frame);
      const storedAfter = made.then((m) => m && this.#store(m, itemId, frame));
      running = { made: made.then((m) => m?.set ?? null), stored: storedAfter };
      this.#running.set(key, running);
      // Until stored, a second request takes these pictures rather than making them again.
      storedAfter.catch(() => {}).finally(() => this.#running.delete(key));
    }
    return running.made;
  }

  async #make(
    itemId: string,
    frame: number | null,
  ): Promise<{ set: DerivedSet; plain: StoredRow } | null> {
    const vault = this.#vault();
    const plain = stored(vault, itemId, frame, 'plain');
    if (!plain) return null;
    const key = vault.caseKey(plain.caseId);
    return { set: await deriveScreenVariants(await vault.blobs.read(key, plain.blobId)), plain };
  }

  async #store(
    { set, plain }: { set: DerivedSet; plain: StoredRow },
    itemId: string,
    frame: number | null,
  ): Promise<void> {
    const vault = this.#vault();
    const key = vault.caseKey(plain.caseId);
    const sealed = await Promise.all(
      DERIVED_SCREEN_VARIANTS.map(async (variant) => ({
        variant,
        preview: set[variant],
        blob: await vault.blobs.write(key, set[variant].bytes),
      })),
    );
    // Kept unless another derivation stored them first (then the same pictures are served).
    const kept = vault.db.transaction(() => {
      if (DERIVED_SCREEN_VARIANTS.some((v) => stored(vault, itemId, frame, v))) return false;
      for (const { variant, preview, blob } of sealed) {
        const { mime, width, height } = preview;
        insertBlobRow(vault.db, {
          id: blob.id,
          caseId: plain.caseId,
          role: 'preview',
          size: blob.size,
        });
        const row = {
          itemId,
          size: 'screen' as const,
          variant,
          blobId: blob.id,
          mime,
          width,
          height,
        };
        if (frame === null) insertPreview(vault.db, row);
        else insertFramePreview(vault.db, { ...row, idx: frame });
      }
      return true;
    })();
    if (!kept) await Promise.all(sealed.map(({ blob }) => vault.blobs.remove(blob.id)));
  }
}

function stored(
  vault: UnlockedVault,
  itemId: string,
  frame: number | null,
  variant: 'plain' | DerivedScreenVariant,
): StoredRow | undefined {
  return frame === null
    ? selectPreviewBlob(vault.db, itemId, 'screen', variant)
    : selectFramePreviewBlob(vault.db, itemId, frame, 'screen', variant);
}
