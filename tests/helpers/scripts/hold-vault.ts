// Child process for the one-writer tests: opens a vault as the app ('app': holdVault, the write lock
// for the process's life) or as a reader ('read': unlock with a shared lock), prints "held" once it
// holds the lock, and keeps it until stdin closes or the process is killed.
import { CustodyCore } from '../../../electron/core/core.ts';

const [dir, role] = process.argv.slice(2) as [string, 'app' | 'read'];
const core = new CustodyCore(dir, {
  surface: role === 'app' ? 'app' : 'cli',
  access: role === 'app' ? 'write' : 'read',
});
if (role === 'app') await core.holdVault();
await core.unlock(process.env['CUSTODY_PASSPHRASE'] ?? '');
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void core.close();
});
