// The bytes of an HTML page as text: a byte-order mark, else the charset the page declares in its
// first kilobytes (<meta charset>, http-equiv Content-Type), else UTF-8 when the bytes are valid
// UTF-8, else Windows-1252 (what browsers assume for an undeclared Western page).

export interface DecodedHtml {
  html: string;
  encoding: string;
}

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;

export function decodeHtml(bytes: Uint8Array, declared: string | null = null): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return as(bytes, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return as(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return as(bytes, 'utf-16be');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const label of [declared, DECLARED.exec(head)?.[1]]) {
    if (!label) continue;
    try {
      return as(bytes, label.toLowerCase());
    } catch {
      // An unknown label: fall through to the next guess.
    }
  }
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return as(bytes, 'windows-1252');
  }
}

function as(bytes: Uint8Array, label: string): DecodedHtml {
  const decoder = new TextDecoder(label);
  return { html: decoder.decode(bytes), encoding: canonical(decoder.encoding) };
}

const canonical = (encoding: string) => (encoding === 'utf-8' ? 'UTF-8' : encoding);
