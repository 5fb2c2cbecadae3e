// Metadata strings come from the file's author, who may be hostile: they are shown as plain text,
// never markup, and must be short, free of NULs and control characters, and valid Unicode.

const decoder = new TextDecoder('utf-8', { fatal: false });

// C0 and C1 controls, DEL, and the bidi overrides/isolates that can disguise text direction.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export interface DisplayTextOptions {
  /** Keep tabs and line breaks (for multi-line text such as an XMP packet). */
  multiline?: boolean;
}

/**
 * Turns an EXIF value (a string, or raw bytes when the camera wrote non-ASCII) into bounded
 * display text. Returns null for anything that is not text or is empty once cleaned.
 */
export function toDisplayText(
  value: unknown,
  maxLength: number,
  options: DisplayTextOptions = {},
): string | null {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Uint8Array) text = decoder.decode(value.subarray(0, maxLength * 4));
  else return null;
  // Cameras pad fixed-size fields with NULs and spaces; everything after the first NUL is padding.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) text = text.slice(0, nul);
  text = text.replace(options.multiline === true ? CONTROL : CONTROL_AND_BREAKS, ' ').trim();
  if (text.length > maxLength) text = truncate(text, maxLength);
  return text.length > 0 ? text : null;
}

/** Cuts at a code point boundary so a surrogate pair is never split. */
function truncate(text: string, maxLength: number): string {
  let end = maxLength;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
