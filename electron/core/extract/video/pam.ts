// Netpbm PAM, the frame format FFmpeg writes for us: a short text header, then raw samples. Chosen
// because it costs nothing to encode or parse and carries its own size.
import type { DecodedPixels } from '../../media/previews.ts';

const HEADER_MAX = 256;

/** The RGB pixels of one PAM frame written by FFmpeg (`-c:v pam -pix_fmt rgb24`). */
export function parsePam(bytes: Uint8Array): DecodedPixels {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEADER_MAX));
  const end = head.indexOf('ENDHDR\n');
  if (!head.startsWith('P7\n') || end < 0) throw new Error('not a PAM frame');
  const field = (name: string): number =>
    Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(head)?.[1]);
  const width = field('WIDTH');
  const height = field('HEIGHT');
  const depth = field('DEPTH');
  const start = end + 'ENDHDR\n'.length;
  if (!(width > 0 && height > 0) || depth !== 3 || field('MAXVAL') !== 255) {
    throw new Error('unexpected PAM frame layout');
  }
  if (bytes.length - start < width * height * 3) throw new Error('short PAM frame');
  return { data: bytes.subarray(start, start + width * height * 3), width, height, channels: 3 };
}
