// The camera as a reviewer reads it, from the EXIF Make and Model. Many makers repeat their name
// in Model ("Canon" + "Canon PowerShot A85", "NIKON CORPORATION" + "NIKON D5000"): joining the two
// would show it twice, so a model that already starts with the maker's first word stands alone.

/** "Make Model", or Model alone when it already names the maker; null when neither is recorded. */
export function cameraName(make: string | null, model: string | null): string | null {
  const m = make?.trim() ?? '';
  const n = model?.trim() ?? '';
  if (!m) return n || null;
  if (!n) return m;
  const maker = m.split(/\s+/)[0]!.toLowerCase();
  const head = n.slice(0, maker.length).toLowerCase();
  const next = n.charAt(maker.length);
  const named = head === maker && (next === '' || !/[\p{L}\p{N}]/u.test(next));
  return named ? n : `${m} ${n}`;
}
