// Just enough MIME (RFC 2045/2046) to open an MHTML capture (RFC 2557): a header block, then a
// multipart/related body whose parts carry Content-Location and a transfer encoding. Bytes are
// handled as latin1 strings, which map every byte to one character and back without loss.

export interface MimePart {
  /** Header names lower-cased, values unfolded. */
  headers: Map<string, string>;
  body: Uint8Array;
}

export interface MimeMessage extends MimePart {
  parts: MimePart[];
}

/** Parts deeper than this are not opened (a hostile file can nest multiparts without end). */
const MAX_DEPTH = 4;

export function parseMime(bytes: Uint8Array): MimeMessage {
  const root = splitPart(Buffer.from(bytes).toString('latin1'));
  return { ...root, parts: leaves(root, 0) };
}

function leaves(part: MimePart, depth: number): MimePart[] {
  const boundary = parameter(part.headers.get('content-type') ?? '', 'boundary');
  if (!boundary || depth >= MAX_DEPTH) return depth === 0 ? [] : [part];
  const body = Buffer.from(part.body).toString('latin1');
  const delimiter = `--${boundary}`;
  const chunks = body.split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}`));
  const out: MimePart[] = [];
  // The first chunk is the preamble; the one after the closing delimiter starts with '--'.
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    out.push(...leaves(splitPart(chunk.replace(/^[ \t]*\r?\n/, '')), depth + 1));
  }
  return out;
}

function splitPart(text: string): MimePart {
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const raw = end ? text.slice(end.index + end[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: decodeBody(raw, headers.get('content-transfer-encoding')) };
}

function decodeBody(raw: string, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'base64':
      return new Uint8Array(Buffer.from(raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
    case 'quoted-printable':
      return new Uint8Array(
        Buffer.from(
          raw
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
              String.fromCharCode(parseInt(hex, 16)),
            ),
          'latin1',
        ),
      );
    default:
      return new Uint8Array(Buffer.from(raw, 'latin1'));
  }
}

/** A parameter of a structured header (`boundary`, `charset`), unquoted. */
export function parameter(header: string, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The bare type of a Content-Type header, lower-cased. */
export const mediaType = (header: string | undefined) =>
  (header ?? '').split(';')[0]!.trim().toLowerCase();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
