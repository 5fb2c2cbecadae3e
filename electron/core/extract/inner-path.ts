// A name found inside a container (an archive member, an attachment's filename) is written by
// whoever made the file: '../../etc/passwd', 'C:\Windows\x', '/abs', control characters. It is only
// ever a label here (nothing is written to disk by it), but it is neutralised anyway, so no
// consumer (a packet's layout, an export) can be steered by it.
const DRIVE = /^[A-Za-z]:$/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]/g;
const SEGMENT_MAX = 255;

/** '/'-separated, relative, with no '.', '..', empty or drive segment; 'unnamed' when nothing is left. */
export function neutralisePath(name: string): string {
  const segments = name
    .replace(CONTROLS, '')
    .split(/[\\/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..' && !DRIVE.test(s))
    .map((s) => s.slice(0, SEGMENT_MAX));
  return segments.length > 0 ? segments.join('/') : 'unnamed';
}
