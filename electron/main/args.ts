// Command-line options of the app itself (Chromium ignores switches it does not know).

/** The value of `--vault DIR` or `--vault=DIR`, or null when absent or empty. */
export function vaultArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--vault') return argv[i + 1] || null;
    if (arg?.startsWith('--vault=')) return arg.slice('--vault='.length) || null;
  }
  return null;
}
