import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the app keeps its vault unless told otherwise: the OS's per-user application data folder. */
export function defaultVaultDir(): string {
  const env = process.env['CUSTODY_VAULT'];
  if (env) return env;
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Custody', 'vault');
    case 'win32':
      return join(
        process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'),
        'Custody',
        'vault',
      );
    default:
      return join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Custody', 'vault');
  }
}
