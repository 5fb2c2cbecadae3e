// Where the packet save dialog opens: the suggested name (the page's prefilled one, a bare file
// name) in the default folder, the user's Documents. The page only suggests; the reviewer confirms.
import { join } from 'node:path';

const FALLBACK_NAME = 'custody-packet.zip';

export function packetDefaultPath(defaultFolder: string, suggestedName: string): string {
  // A suggestion is a name, never a way out of the folder.
  const name = suggestedName.replace(/[\\/]/g, '_').trim();
  return join(defaultFolder, /^\.*$/.test(name) ? FALLBACK_NAME : name);
}
