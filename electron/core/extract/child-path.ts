// A child's path inside its parent as the container spells it, made safe to show and to store:
// '/'-separated, no root, no drive letter, no '.' or '..' segment, no control characters. A name
// that reduces to nothing becomes `fallback`.
export function neutralisePath(raw: string, fallback: string): string {
  const segments = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[\\/]+/)
    .map((s) => s.replace(/^[A-Za-z]:$/, '').trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  return segments.length > 0 ? segments.join('/') : fallback;
}

/** `path`, or `path` with ' (2)', ' (3)'… before its extension when already taken. */
export function uniquePath(path: string, taken: Set<string>): string {
  let candidate = path;
  for (let n = 2; taken.has(candidate); n++) {
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    candidate =
      dot > slash + 1 ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`;
  }
  taken.add(candidate);
  return candidate;
}
