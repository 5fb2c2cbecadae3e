// An inline image (<img src="data:image/png;base64,…">) as the file it encodes.

export interface DataUriFile {
  mime: string;
  bytes: Uint8Array;
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is;

export function decodeDataUri(uri: string): DataUriFile | null {
  const m = DATA_URI.exec(uri.trim());
  if (!m) return null;
  const mime = (m[1] || 'text/plain').toLowerCase();
  const base64 = /;base64/i.test(m[2] ?? '');
  const payload = m[3] ?? '';
  try {
    const bytes = base64
      ? Buffer.from(payload.replace(/\s+/g, ''), 'base64')
      : Buffer.from(decodeURIComponent(payload), 'utf8');
    return { mime, bytes: new Uint8Array(bytes) };
  } catch {
    return null;
  }
}

/** A file extension for an image MIME type, for a child's name. */
export function imageExtension(mime: string): string {
  const sub = mime.split('/')[1]?.split('+')[0] ?? 'bin';
  return sub === 'jpeg' ? 'jpg' : /^[a-z0-9]{1,8}$/.test(sub) ? sub : 'bin';
}
