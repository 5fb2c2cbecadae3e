// A child's stored path must be unique within its parent: two attachments may share a name.

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
