// Options that take several values in one word (`--items a,b,c`, `--lang ar,fa`).

/** The comma-separated values of an option, trimmed, empty ones dropped; undefined when not given. */
export function commaList(v: unknown): string[] | undefined {
  return typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}
