// Netpbm PAM, the frame format FFmpeg writes for us: a short text header, then raw samples. Chosen
// because it costs nothing to encode or parse and carries its own size.
import type { DecodedPixels } from '../../media/previews.ts';

const HEADER_MAX = 256;

interface PamHeader {
  width: number;
  height: number;
  depth: number;
  maxval: number;
  /** Where the samples start. */
  start: number;
}

/** The header at the start of `bytes`, or null while it is incomplete. */
function pamHeader(bytes: Uint8Array): PamHeader | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEADER_MAX));
  const end = head.indexOf('ENDHDR\n');
  // The magic may itself be cut short: "P" or "P7" can still begin a frame.
  if (!'P7\n'.startsWith(head.slice(0, 3))) throw new Error('not a PAM frame');
  if (end < 0) {
    if (head.length >= HEADER_MAX) throw new Error('not a PAM frame');
    return null;
  }
  const field = (name: string): number =>
    Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(head)?.[1]);
  return {
    width: field('WIDTH'),
    height: field('HEIGHT'),
    depth: field('DEPTH'),
    maxval: field('MAXVAL'),
    start: end + 'ENDHDR\n'.length,
  };
}

/** The RGB pixels of one PAM frame written by FFmpeg (`-c:v pam -pix_fmt rgb24`). */
export function parsePam(bytes: Uint8Array): DecodedPixels {
  const header = pamHeader(bytes);
  if (!header) throw new Error('not a PAM frame');
  const { width, height, depth, maxval, start } = header;
  if (!(width > 0 && height > 0) || depth !== 3 || maxval !== 255) {
    throw new Error('unexpected PAM frame layout');
  }
  if (bytes.length - start < width * height * 3) throw new Error('short PAM frame');
  return { data: bytes.subarray(start, start + width * height * 3), width, height, channels: 3 };
}

/**
 * Cuts a stream of PAM frames (FFmpeg's image2pipe) into frames as the bytes arrive, holding at
 * most one frame: each whole frame goes to `onFrame`, whose pixels are valid only during the call.
 */
export class PamSplitter {
  readonly #onFrame: (frame: DecodedPixels) => void;
  #pieces: Uint8Array[] = [];
  #held = 0;
  /** Bytes of the frame being gathered (header and pixels), once its header is read. */
  #frameBytes = 0;

  constructor(onFrame: (frame: DecodedPixels) => void) {
    this.#onFrame = onFrame;
  }

  push(bytes: Uint8Array): void {
    // The sink's bytes live in FFmpeg's memory and are overwritten after this call: copy them.
    this.#pieces.push(bytes.slice());
    this.#held += bytes.length;
    for (;;) {
      if (this.#frameBytes === 0) this.#frameBytes = this.#headerBytes();
      if (this.#frameBytes === 0 || this.#held < this.#frameBytes) return;
      const all = this.#joined();
      this.#onFrame(parsePam(all.subarray(0, this.#frameBytes)));
      const rest = all.subarray(this.#frameBytes);
      this.#pieces = rest.length > 0 ? [rest] : [];
      this.#held = rest.length;
      this.#frameBytes = 0;
    }
  }

  #joined(): Uint8Array {
    if (this.#pieces.length !== 1) this.#pieces = [Buffer.concat(this.#pieces)];
    return this.#pieces[0]!;
  }

  /** The whole frame's size from its header, or 0 while the header is incomplete. */
  #headerBytes(): number {
    if (this.#held === 0) return 0;
    const header = pamHeader(this.#joined());
    if (!header) return 0;
    const samples = header.width * header.height * header.depth;
    if (!(samples > 0)) throw new Error('unexpected PAM frame layout');
    return header.start + samples;
  }
}
