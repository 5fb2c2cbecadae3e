// custody://preview/<item>/<size>/<variant> → the decrypted preview, from memory, never cached;
// custody://preview/<item>/frame/<idx>/<size>/<variant> → one still of a video, under its own reveal;
// custody://preview/<item>/stream → the video or audio itself, while playing is allowed (media-stream.ts).
// A pure Request → Response function: Electron's protocol.handle and the browser harness both call it.
// It is the one place that sets preview response headers: every transport serves its answers as
// they are, so a decoded image is never cached whichever layer carries it.
import type { CustodyCore } from '../core.ts';
import { itemIdSchema } from '../../../shared/domain/ids.ts';
import { previewSizeSchema, revealStepSchema } from '../../../shared/domain/item.ts';
import { selectPreviewBlob, itemCaseId } from '../items/item.queries.ts';
import { selectFramePreviewBlob } from '../items/item-content.queries.ts';
import { genericVeiledTile } from '../media/generic-tile.ts';
import { isDerivedVariant } from './derived-previews.ts';
import { parseStreamPath, streamMedia } from './media-stream.ts';

export const previewHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A refusal with the preview headers; the reason never names a file. */
export const refusePreview = (status: number, reason: string) =>
  new Response(reason, {
    status,
    headers: { ...previewHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });

const FRAME_INDEX = /^(0|[1-9]\d{0,5})$/;

/**
 * The last path segments name item, size and variant (or item, 'frame', index, size and variant),
 * whatever the scheme or prefix.
 */
export function parsePreviewPath(url: string) {
  const all = new URL(url).pathname.split('/').filter(Boolean);
  const framed = all.at(-4) === 'frame' && FRAME_INDEX.test(all.at(-3) ?? '');
  const item = framed ? all.at(-5) : all.at(-3);
  const i = itemIdSchema.safeParse(item);
  const s = previewSizeSchema.safeParse(all.at(-2));
  const v = revealStepSchema.safeParse(all.at(-1));
  if (!i.success || !s.success || !v.success) return null;
  const frame = framed ? Number(all.at(-3)) : null;
  return { itemId: i.data, frame, size: s.data, variant: v.data };
}

export function createPreviewHandler(core: CustodyCore): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await answer(core, request);
    } catch {
      // A failed read or decode: a bare 500, since the error's message could name a file.
      return refusePreview(500, '');
    }
  };
}

async function answer(core: CustodyCore, request: Request): Promise<Response> {
  if (request.method !== 'GET') return refusePreview(405, 'method not allowed');
  const streamed = parseStreamPath(request.url);
  if (streamed) return streamMedia(core, streamed, request);
  const target = parsePreviewPath(request.url);
  if (!target) return refusePreview(400, 'not a preview address');
  let vault;
  try {
    vault = core.vault();
  } catch {
    return refusePreview(403, 'locked');
  }
  if (!core.reveal.allows(target.itemId, target.variant, target.frame)) {
    return refusePreview(403, 'veiled');
  }
  // A known-illegal match keeps the item veiled unless an override allowed this unveiling.
  if (target.variant !== 'veiled' && core.reveal.blockedNow(target.itemId) !== null)
    return refusePreview(403, 'blocked');
  // Opening a picture (its veiled screen preview) makes its outline and grey ahead of a reveal.
  if (target.size === 'screen' && target.variant === 'veiled')
    core.previews.prepare(target.itemId, target.frame);
  const row =
    target.frame === null
      ? (selectPreviewBlob(vault.db, target.itemId, target.size, target.variant) ??
        // A video has no picture of its own: its first still stands for it, veiled like any tile.
        (target.variant === 'veiled'
          ? selectFramePreviewBlob(vault.db, target.itemId, null, target.size, 'veiled')
          : undefined))
      : selectFramePreviewBlob(vault.db, target.itemId, target.frame, target.size, target.variant);
  if (row) return picture(await vault.blobs.read(vault.caseKey(row.caseId), row.blobId), row.mime);
  // A screen outline or grey not made yet is made now from the stored colour picture.
  if (target.size === 'screen' && isDerivedVariant(target.variant)) {
    const made = await core.previews.make(target.itemId, target.frame, target.variant);
    if (made) return picture(made.bytes, made.mime);
  }
  // Opaque and undecodable items have no previews: a neutral tile, veiled by nature.
  if (target.frame === null && target.variant === 'veiled' && itemCaseId(vault.db, target.itemId)) {
    const tile = await genericVeiledTile();
    return picture(tile.bytes, tile.mime);
  }
  return refusePreview(404, 'no such preview');
}

/** A decrypted picture, with the preview headers. */
function picture(bytes: Uint8Array, mime: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: { ...previewHeaders, 'Content-Type': mime },
  });
}
