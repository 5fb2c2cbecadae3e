import { CustodyCore, type CoreOptions } from '../../electron/core/core.ts';
import { tempDir } from './temp.ts';

export const PASSPHRASE = 'correct horse battery staple';

/** A fresh vault in a temp folder, created and unlocked; `options` scripts its dialogs. */
export async function freshCore(options: CoreOptions = {}): Promise<{
  core: CustodyCore;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const t = await tempDir();
  const core = new CustodyCore(t.path, options);
  await core.create(PASSPHRASE);
  return {
    core,
    dir: t.path,
    cleanup: async () => {
      await core.close();
      await t.cleanup();
    },
  };
}
