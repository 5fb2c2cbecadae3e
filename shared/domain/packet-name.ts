/**
 * The .age ending follows the encryption choice: the renderer shows the name this way and the core
 * writes to the chosen path this way, so the two agree.
 */
export function withEncryptionSuffix(out: string, encrypted: boolean): string {
  const bare = out.replace(/\.age$/, '');
  return encrypted ? `${bare}.age` : bare;
}
